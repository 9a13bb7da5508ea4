package dev.tunebeam.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.transforms.run.StudyRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Once more trials failed than --maxFailedTrials allows, no new trial starts; the table of what
 * finished is written.
 */
@Tag("integration")
class MaxFailedTrialsTest {
  @TempDir Path tmp;

  @Test
  void stopsStartingTrialsAndExitsNonZeroWithTheTableWritten() throws Exception {
    Path space = tmp.resolve("space.yaml");
    // Every trial fails at training time: its worker JVM refuses to start (a batch larger than the
    // data is now refused up front).
    Files.writeString(
        space,
        "study: failing\nparameters:\n  batch_size: {type: discrete, values: [16, 32, 48, 64, 80]}\n");
    Path out = tmp.resolve("out");
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int liveRuns = StudyRun.liveRuns();
    int code =
        SearchPipeline.run(
            new String[] {
              "--searchSpace=" + space,
              "--output=" + out,
              "--epochs=1",
              "--trainSamples=512",
              "--testSamples=256",
              "--maxFailedTrials=1",
              "--workerJvmOptions=-XX:+NoSuchTunebeamFlag",
              "--localWorkers=1",
              "--maxFuse=1",
              "--dataDir=/usr/share/datasets/fashion-mnist"
            },
            new PrintStream(stdout, true, StandardCharsets.UTF_8),
            new PrintStream(stderr, true, StandardCharsets.UTF_8));
    assertEquals(1, code, stderr.toString());
    assertTrue(
        stderr
            .toString()
            .contains("2 trials failed, more than --maxFailedTrials=1; 3 trials were not run"),
        stderr.toString());
    List<String> csv = rows(out);
    assertEquals(5, csv.size(), "every trial is a row, skipped ones too");
    assertEquals(2, csv.stream().filter(l -> l.contains(",FAILED,")).count());
    assertEquals(
        3,
        csv.stream()
            .filter(
                l -> l.contains(",SKIPPED,") && l.contains("not run: more than 1 trials failed"))
            .count());
    assertEquals(
        liveRuns,
        StudyRun.liveRuns(),
        "the study's run (its failure count, its progress) is dropped when the pipeline ends");
  }

  @Test
  void aRunInWhichEveryTrialFailedExitsOne() throws Exception {
    Path space = tmp.resolve("two.yaml");
    Files.writeString(
        space, "study: all-fail\nparameters:\n  batch_size: {type: discrete, values: [16, 32]}\n");
    Path out = tmp.resolve("all-fail");
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int code =
        SearchPipeline.run(
            new String[] {
              "--searchSpace=" + space,
              "--output=" + out,
              "--epochs=1",
              "--trainSamples=512",
              "--testSamples=256",
              "--workerJvmOptions=-XX:+NoSuchTunebeamFlag",
              "--localWorkers=1",
              "--maxFuse=1",
              "--dataDir=/usr/share/datasets/fashion-mnist"
            },
            new PrintStream(stdout, true, StandardCharsets.UTF_8),
            new PrintStream(stderr, true, StandardCharsets.UTF_8));
    assertEquals(1, code, stderr.toString() + stdout);
    assertTrue(
        stderr
            .toString()
            .contains(
                "error: every trial failed (2); their reasons are in the error column of "
                    + out
                    + "/results.csv"),
        stderr.toString());
    assertEquals(2, rows(out).stream().filter(l -> l.contains(",FAILED,")).count());
  }

  /** The table's rows, one string each (an error cell may span lines). */
  private static List<String> rows(Path out) throws Exception {
    try (org.apache.commons.csv.CSVParser p =
        org.apache.commons.csv.CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(Files.newBufferedReader(out.resolve("results.csv")))) {
      return p.getRecords().stream().map(r -> String.join(",", r.toList())).toList();
    }
  }
}
