package dev.tunebeam.pipeline;

import static dev.tunebeam.pipeline.MainJobRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.pipeline.lock.OutputLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rerun that is refused (a leaderboard file replaced by a folder, the folder locked by a live run
 * on another host) changes nothing in the output folder: every check comes before the first write
 * (issue 25).
 */
@Tag("integration")
class RefusalsBeforeWritesTest {
  @TempDir Path tmp;

  @Test
  void aRefusedRerunLeavesEveryFileAsItWas() throws Exception {
    Path trainer =
        Files.writeString(
            tmp.resolve("ok.sh"),
            """
            #!/bin/sh
            printf '{"timestamp": 1, "trial": "%s", "val_accuracy": "0.5", "global_step": "1"}\\n' \
              "$CLOUD_ML_TRIAL_ID" > "$CLOUD_ML_HP_METRIC_FILE"
            """);
    trainer.toFile().setExecutable(true);
    Path space =
        Files.writeString(
            tmp.resolve("space.yaml"),
            "study: refusals\nparameters:\n  m: {type: categorical, values: [a, b]}\n");
    Path out = tmp.resolve("out");
    String[] args = {"--searchSpace=" + space, "--output=" + out, "--trainerCommand=" + trainer};
    MainJobRun first = run(args);
    assertEquals(0, first.code(), first.err() + first.out());
    // The leaderboard gone, so that a write of it shows.
    Files.delete(out.resolve("results.csv"));

    Files.delete(out.resolve("results.json"));
    Files.createDirectories(out.resolve("results.json"));
    assertRefusedUnchanged(out, args, "holds a folder named results.json");
    Files.delete(out.resolve("results.json"));

    Instant now = Instant.now();
    Files.writeString(
        out.resolve(OutputLock.FILE_NAME),
        """
        {"host":"another-host-25","pid":1,"pidStartMillis":5,"started":"%s","heartbeat":"%s",\
        "token":"t"}"""
            .formatted(now, now));
    assertRefusedUnchanged(out, args, "is in use by another run (host another-host-25");
  }

  private static void assertRefusedUnchanged(Path out, String[] args, String why) throws Exception {
    Map<String, String> before = snapshot(out);
    MainJobRun r = run(args);
    assertEquals(2, r.code(), r.err() + r.out());
    assertTrue(r.err().contains(why), r.err());
    assertEquals(before, snapshot(out), "a refused run writes nothing");
  }

  /** Every file under {@code dir} with its size and modification time, and every folder. */
  private static Map<String, String> snapshot(Path dir) throws Exception {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.toList()) {
        files.put(
            dir.relativize(p).toString(),
            // A folder's own time moves with the writability probe, which leaves nothing behind.
            Files.isDirectory(p)
                ? "folder"
                : Files.size(p) + " bytes " + Files.getLastModifiedTime(p));
      }
    }
    return files;
  }
}
