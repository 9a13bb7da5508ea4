package dev.tunebeam.transforms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group files a killed pipeline left behind are swept by the next run; a live run's are kept. */
class GroupSpecFilesTest {
  @TempDir Path tmp;

  @Test
  void orphansOfDeadPipelinesAreRemovedLiveOnesKept() throws Exception {
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    Path orphan = Files.createFile(tmp.resolve("tunebeam-group-p" + dead.pid() + "-123.json"));
    Path live =
        Files.createFile(
            tmp.resolve("tunebeam-group-p" + ProcessHandle.current().pid() + "-456.json"));
    Path oldLegacy = Files.createFile(tmp.resolve("tunebeam-group-987654.json"));
    Files.setLastModifiedTime(oldLegacy, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
    Path freshLegacy = Files.createFile(tmp.resolve("tunebeam-group-111.json"));
    Path unrelated = Files.createFile(tmp.resolve("other.json"));
    assertEquals(2, GroupSpecFiles.removeOrphans(tmp));
    assertFalse(Files.exists(orphan));
    assertFalse(Files.exists(oldLegacy));
    assertTrue(Files.exists(live) && Files.exists(freshLegacy) && Files.exists(unrelated));
  }
}
