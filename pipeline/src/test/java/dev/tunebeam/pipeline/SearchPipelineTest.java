package dev.tunebeam.pipeline;

import static dev.tunebeam.pipeline.MainJobRun.csv;
import static dev.tunebeam.pipeline.MainJobRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job end to end on the DirectRunner: real training on a real data subset. */
@Tag("integration")
class SearchPipelineTest {
  @TempDir Path tmp;

  private Path space(String yaml) throws Exception {
    Path f = tmp.resolve("space-" + Math.abs(yaml.hashCode()) + ".yaml");
    Files.writeString(f, yaml);
    return f;
  }

  @Test
  void threeTrialsRankedWithStableIds() throws Exception {
    String yaml =
        """
        study: e2e
        parameters:
          batch_size: {type: discrete, values: [32, 64, 128, 600]}
        fixed:
          activation: relu
          optimizer: adam
        """;
    // A batch larger than the training set could never train: refused before anything runs (issue
    // 15), where it was a FAILED row.
    Path tooBig = space(yaml);
    MainJobRun refused =
        run(
            "--searchSpace=" + tooBig,
            "--epochs=1",
            "--trainSamples=512",
            "--testSamples=256",
            "--dataDir=/usr/share/datasets/fashion-mnist",
            "--output=" + tmp.resolve("refused"));
    assertEquals(2, refused.code(), refused.err());
    assertTrue(
        refused.err().contains("has batch_size 600, larger than its 512 training images"),
        refused.err());
    assertFalse(Files.exists(tmp.resolve("refused")));
    Path space = space(yaml.replace(", 600]", "]"));
    String[] common = {
      "--searchSpace=" + space,
      "--epochs=1",
      "--trainSamples=512",
      "--testSamples=256",
      "--dataDir=/usr/share/datasets/fashion-mnist"
    };
    Path out1 = tmp.resolve("out1");
    MainJobRun r = run(concat(common, "--output=" + out1));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("3 trials: 3 succeeded, 0 failed."), r.out());
    for (String f : List.of("results.csv", "results.json", "results.md", "report.html")) {
      assertTrue(Files.exists(out1.resolve(f)), f);
    }
    List<CSVRecord> rows = csv(out1.resolve("results.csv"));
    assertEquals(3, rows.size());
    assertEquals(
        List.of(
            "rank",
            "trial_id",
            "batch_size",
            "activation",
            "optimizer",
            "num_epochs",
            "train_samples",
            "test_samples",
            "best_val_accuracy",
            "chosen_epoch",
            "test_accuracy",
            "final_test_accuracy",
            "epochs",
            "seconds",
            "group_seconds",
            "backend",
            "device",
            "status",
            "note",
            "error"),
        rows.get(0).getParser().getHeaderNames());
    for (int i = 0; i < 2; i++) {
      assertTrue(
          Double.parseDouble(rows.get(i).get("best_val_accuracy"))
              >= Double.parseDouble(rows.get(i + 1).get("best_val_accuracy")));
    }
    assertTrue(
        rows.subList(0, 3).stream()
            .allMatch(
                x -> x.get("status").equals("SUCCEEDED") && x.get("backend").equals("local")));
    for (CSVRecord row : rows.subList(0, 3)) {
      // A readable run name ending in the trial id's first 8 digits: the training's events and the
      // leaderboard's scalar.
      Path run;
      try (java.util.stream.Stream<Path> runs = Files.list(out1.resolve("tensorboard"))) {
        run =
            runs.filter(
                    d ->
                        d.getFileName()
                            .toString()
                            .endsWith("-" + row.get("trial_id").substring(0, 8)))
                .findFirst()
                .orElseThrow();
      }
      assertTrue(
          run.getFileName().toString().startsWith(row.get("batch_size") + "-"), run.toString());
      try (java.util.stream.Stream<Path> files = Files.list(run)) {
        assertEquals(
            2,
            files
                .filter(f -> f.getFileName().toString().startsWith("events.out.tfevents."))
                .count(),
            "the trial's TensorBoard event file and the leaderboard's");
      }
    }

    Path out2 = tmp.resolve("out2");
    assertEquals(0, run(concat(common, "--output=" + out2)).code());
    assertEquals(
        ids(rows), ids(csv(out2.resolve("results.csv"))), "same trial ids on a second run");
  }

  @Test
  void aBadSearchSpaceExitsTwoNamingTheParameterAndWritesNothing() throws Exception {
    Path space =
        space(
            "study: bad\nparameters:\n  learning_rate: {type: double, min: 0.1, max: 0.01, steps: 3}\n");
    Path out = tmp.resolve("never");
    MainJobRun r = run("--searchSpace=" + space, "--output=" + out);
    assertEquals(2, r.code());
    assertTrue(r.err().contains("parameter learning_rate has min 0.1 > max 0.01"), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void badOptionsExitTwo() {
    assertEquals(2, run("--fuse=sometimes").code());
    assertTrue(
        run("--fuse=sometimes")
            .err()
            .contains("--fuse sometimes is not supported; allowed: auto, off"));
    assertTrue(
        run("--objective=speed")
            .err()
            .contains(
                "--objective speed is not a metric the built-in trainer reports; allowed: "
                    + "test_accuracy, train_accuracy, train_loss, val_accuracy, val_loss, "
                    + "train_seconds, param_count"),
        run("--objective=speed").err());
    assertTrue(
        run("--objectiveGoal=up")
            .err()
            .contains("--objectiveGoal up is not supported; allowed: maximize, minimize"));
    assertTrue(
        run("--measurement=mean")
            .err()
            .contains("--measurement mean is not supported; allowed: best, last"));
    assertTrue(
        run("--searchSpace=/no/such.yaml")
            .err()
            .contains("--searchSpace /no/such.yaml does not exist"));
    assertTrue(
        run("--output=/proc/self/x").err().contains("--output /proc/self/x is not writable"));
    assertTrue(run("--epochs=-1").err().contains("--epochs -1 is negative"));
  }

  private static List<String> ids(List<CSVRecord> rows) {
    return rows.stream().map(r -> r.get("trial_id")).sorted().collect(Collectors.toList());
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
