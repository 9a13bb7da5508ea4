package dev.tunebeam.transforms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The temporary files a killed process left behind are swept; those of a running process, recent
 * ones and others' are not.
 */
class TrialTempFilesTest {
  @TempDir Path tmp;

  private final Instant now = Instant.parse("2026-01-01T12:00:00Z");
  private final Instant old = now.minus(TrialTempFiles.STALE_AFTER).minus(Duration.ofMinutes(1));
  private final Instant recent = now.minus(Duration.ofMinutes(5));

  private Path file(String name, Instant touched) throws Exception {
    Path p = Files.writeString(tmp.resolve(name), "log");
    Files.setLastModifiedTime(p, FileTime.from(touched));
    return p;
  }

  @Test
  void sweepsWhatAGoneProcessLeftAndKeepsTheRest() throws Exception {
    long live = 100;
    long dead = 200;
    Path deadOld = file("tunebeam-trial-" + dead + "-11.log", old);
    Path liveOld = file("tunebeam-trial-" + live + "-12.log", old);
    Path deadRecent = file("tunebeam-trial-" + dead + "-13.log", recent);
    Path legacyOld = file("tunebeam-trial-8812345.log", old);
    Path legacyRecent = file("tunebeam-trial-8812346.log", recent);
    Path unrelated = file("other-" + dead + "-1.log", old);
    Path scratchOld = Files.createDirectory(tmp.resolve("tunebeam-trial-" + dead + "-14"));
    Files.setLastModifiedTime(
        Files.writeString(scratchOld.resolve("output.metrics"), "{}"), FileTime.from(old));
    Files.setLastModifiedTime(scratchOld, FileTime.from(old));
    // A folder whose metric file was rewritten a moment ago is in use, however old the folder
    // itself is.
    Path scratchBusy = Files.createDirectory(tmp.resolve("tunebeam-trial-" + dead + "-15"));
    Files.setLastModifiedTime(
        Files.writeString(scratchBusy.resolve("output.metrics"), "{}"), FileTime.from(recent));
    Files.setLastModifiedTime(scratchBusy, FileTime.from(old));

    List<Path> swept = TrialTempFiles.sweep(tmp, now, pid -> pid == live);

    assertEquals(Set.of(deadOld, legacyOld, scratchOld), Set.copyOf(swept));
    for (Path gone : swept) {
      assertFalse(Files.exists(gone), gone.toString());
    }
    for (Path kept :
        List.of(
            liveOld,
            deadRecent,
            legacyRecent,
            unrelated,
            scratchBusy,
            scratchBusy.resolve("output.metrics"))) {
      assertTrue(Files.exists(kept), kept.toString());
    }
  }

  @Test
  void theFilesATrialUsesNameTheirOwnerAndAnExitedProcessIsNotRunning() throws Exception {
    Path log = TrialTempFiles.log();
    Path scratch = TrialTempFiles.scratch();
    try {
      long me = ProcessHandle.current().pid();
      assertEquals(OptionalLong.of(me), TrialTempFiles.owner(log.getFileName().toString()));
      assertEquals(OptionalLong.of(me), TrialTempFiles.owner(scratch.getFileName().toString()));
      assertTrue(TrialTempFiles.running(me));
      Process exited = new ProcessBuilder("true").start();
      exited.waitFor();
      assertFalse(TrialTempFiles.running(exited.pid()));
      // By real liveness, in a folder of the test's own (the machine's temporary folder holds other
      // runs' files): ours stay, the exited one's go.
      Path mine = file(log.getFileName().toString(), old);
      Path orphan = file("tunebeam-trial-" + exited.pid() + "-1.log", old);
      assertEquals(
          List.of(orphan),
          TrialTempFiles.sweep(
              tmp, Instant.now().plus(Duration.ofDays(1)), TrialTempFiles::running));
      assertTrue(Files.exists(mine));
    } finally {
      Files.deleteIfExists(log);
      Files.deleteIfExists(scratch);
    }
    assertEquals(OptionalLong.empty(), TrialTempFiles.owner("tunebeam-trial-88123.log"));
    assertEquals(OptionalLong.empty(), TrialTempFiles.owner("tunebeam-trial-x1-2.log"));
  }
}
