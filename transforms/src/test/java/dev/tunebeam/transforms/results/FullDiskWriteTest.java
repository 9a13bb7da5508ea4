package dev.tunebeam.transforms.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tunebeam.trainer.report.DiskFull;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full output disk left results.json unreadable (issue 25). The leaderboard's files are written
 * under a temporary name and renamed: on a real full file system (a 64 KiB tmpfs, which needs root
 * to mount; the test is skipped where it cannot be) a failed rewrite leaves the earlier file whole,
 * removes its partial file, and its failure reads as one sentence.
 */
class FullDiskWriteTest {
  @TempDir Path tmp;
  private Path mounted;

  private Path tinyDisk() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("tiny"));
    boolean ok;
    try {
      Process p =
          new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", dir.toString())
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      ok = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      ok = false;
    }
    assumeTrue(ok, "mounting a tmpfs needs root");
    mounted = dir;
    return dir;
  }

  @AfterEach
  void unmount() throws Exception {
    if (mounted != null) {
      new ProcessBuilder("umount", mounted.toString()).start().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aRewriteOnAFullDiskKeepsTheEarlierFile() throws Exception {
    Path disk = tinyDisk();
    byte[] earlier = "{\"study\": \"earlier\"}".getBytes(StandardCharsets.UTF_8);
    WriteLeaderboard.writeAtomically(disk.toString(), "results.json", earlier);
    // Fill what is left.
    try (OutputStream filler = Files.newOutputStream(disk.resolve("filler"))) {
      byte[] block = new byte[4096];
      for (int i = 0; i < 1000; i++) {
        filler.write(block);
        filler.flush();
      }
    } catch (IOException full) {
      // The disk is full now.
    }
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                WriteLeaderboard.writeAtomically(disk.toString(), "results.json", new byte[65536]));
    assertTrue(DiskFull.sentence(e).isPresent(), String.valueOf(e));
    assertEquals(
        new String(earlier, StandardCharsets.UTF_8),
        Files.readString(disk.resolve("results.json")));
    try (Stream<Path> files = Files.list(disk)) {
      assertEquals(
          List.of("filler", "results.json"),
          files.map(f -> f.getFileName().toString()).sorted().toList());
    }
  }
}
