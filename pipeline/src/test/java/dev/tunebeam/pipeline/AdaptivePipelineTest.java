package dev.tunebeam.pipeline;

import static dev.tunebeam.pipeline.MainJobRun.csv;
import static dev.tunebeam.pipeline.MainJobRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Halving, Hyperband and TPE with a conditional parameter, end to end on the DirectRunner with real
 * (small) training.
 */
@Tag("integration")
class AdaptivePipelineTest {
  @TempDir Path tmp;

  private Path space(String yaml) throws Exception {
    Path f = tmp.resolve("space-" + Math.abs(yaml.hashCode()) + ".yaml");
    Files.writeString(f, yaml);
    return f;
  }

  private static final String CONDITIONAL =
      """
      parameters:
        optimizer: {type: categorical, values: [sgd, adam]}
        momentum:  {type: discrete, values: [0.5, 0.9], when: {optimizer: [sgd]}}
        activation: {type: categorical, values: [relu, tanh]}
      fixed:
        num_epochs: 3
        learning_rate: 0.01
      """;

  private String[] common(Path space, Path out) {
    return new String[] {
      "--searchSpace=" + space,
      "--trainSamples=512",
      "--testSamples=256",
      "--dataDir=/usr/share/datasets/fashion-mnist",
      "--output=" + out
    };
  }

  @Test
  void halvingPromotesTheBestStopsTheRestAndARerunTrainsNothing() throws Exception {
    Path space =
        space(
            "study: halving-e2e\nalgorithm: halving\neta: 2\nmin_epochs: 1\n"
                + CONDITIONAL.replace("num_epochs: 3", "num_epochs: 4"));
    Path out = tmp.resolve("out");
    MainJobRun r = run(common(space, out));
    assertEquals(0, r.code(), r.err() + r.out());
    // 6 points: rungs of 6 at epoch 1, 3 at epoch 2, 1 at epoch 4.
    List<CSVRecord> rows = csv(out.resolve("results.csv"));
    assertEquals(6, rows.size(), r.out());
    assertTrue(
        r.out().contains("6 trials: 1 succeeded, 0 failed, 5 stopped early by the schedule."),
        r.out());
    assertEquals(
        List.of("SUCCEEDED", "STOPPED", "STOPPED", "STOPPED", "STOPPED", "STOPPED"),
        rows.stream().map(x -> x.get("status")).toList());
    assertEquals(
        List.of("4", "2", "2", "1", "1", "1"), rows.stream().map(x -> x.get("epochs")).toList());
    for (CSVRecord row : rows) {
      assertEquals(
          row.get("optimizer").equals("sgd"), !row.get("momentum").isEmpty(), row.toString());
      assertEquals(row.get("epochs"), row.get("num_epochs"));
    }
    // Each rung kept its best: every trial promoted past epoch 1 was at least as good there as
    // every trial stopped at 1.
    Map<String, Double> firstEpoch = firstEpochAccuracy(out);
    double worstPromoted =
        rows.subList(0, 3).stream()
            .mapToDouble(x -> firstEpoch.get(x.get("trial_id")))
            .min()
            .orElseThrow();
    double bestStopped =
        rows.subList(3, 6).stream()
            .mapToDouble(x -> firstEpoch.get(x.get("trial_id")))
            .max()
            .orElseThrow();
    assertTrue(worstPromoted >= bestStopped, worstPromoted + " < " + bestStopped);
    double accuracy = Double.parseDouble(rows.get(0).get("test_accuracy"));
    assertTrue(accuracy > 0.3, "above chance: " + accuracy);

    Map<Path, FileTime> written = metricsFiles(out);
    MainJobRun again = run(common(space, out));
    assertEquals(0, again.code(), again.err());
    assertEquals(written, metricsFiles(out), "a rerun reuses every rung's result");
    assertEquals(
        rows.stream().map(x -> x.get("trial_id") + x.get("status") + x.get("epochs")).toList(),
        csv(out.resolve("results.csv")).stream()
            .map(x -> x.get("trial_id") + x.get("status") + x.get("epochs"))
            .toList());
  }

  @Test
  void hyperbandFlattensItsBracketsIntoOneLeaderboard() throws Exception {
    Path space =
        space(
            "study: hyperband-e2e\nalgorithm: hyperband\neta: 2\nseed: 4\n"
                + CONDITIONAL.replace("num_epochs: 3", "num_epochs: 2"));
    Path out = tmp.resolve("out");
    MainJobRun dry = run(concat(common(space, out), "--dryRun"));
    assertEquals(0, dry.code(), dry.err());
    assertTrue(dry.out().contains("Model-epochs: 7 with warm start"), dry.out());
    MainJobRun r = run(common(space, out));
    assertEquals(0, r.code(), r.err() + r.out());
    // Bracket 0: 2 trials at epoch 1, the best to 2; bracket 1: 2 trials straight to 2.
    List<CSVRecord> rows = csv(out.resolve("results.csv"));
    assertEquals(4, rows.size());
    assertEquals(3, rows.stream().filter(x -> x.get("status").equals("SUCCEEDED")).count());
    assertEquals(
        1,
        rows.stream()
            .filter(x -> x.get("status").equals("STOPPED") && x.get("epochs").equals("1"))
            .count());
    assertEquals("STOPPED", rows.get(3).get("status"));
  }

  @Test
  void tpeRunsItsRoundsWithActiveParametersOnly() throws Exception {
    Path space =
        space(
            "study: tpe-e2e\nalgorithm: tpe\ntrials: 5\nbatch: 2\nseed: 3\n"
                + CONDITIONAL.replace("num_epochs: 3", "num_epochs: 1"));
    Path out = tmp.resolve("out");
    MainJobRun r = run(common(space, out));
    assertEquals(0, r.code(), r.err() + r.out());
    List<CSVRecord> rows = csv(out.resolve("results.csv"));
    // Round 0: 2 random, then rounds of 2 and 1; the space has 6 points, so no repeats.
    assertEquals(5, rows.size(), r.out());
    assertEquals(5, rows.stream().map(x -> x.get("trial_id")).distinct().count());
    for (CSVRecord row : rows) {
      assertEquals("SUCCEEDED", row.get("status"));
      assertEquals(
          row.get("optimizer").equals("sgd"), !row.get("momentum").isEmpty(), row.toString());
    }
  }

  @Test
  void badSchedulesExitTwoAndWriteNothing() throws Exception {
    Path out = tmp.resolve("never");
    // The third: 6 points with eta 3 over 27 epochs leave rung 2 (epoch 9) empty.
    for (String bad :
        List.of(
            "algorithm: halving\neta: 1\n",
            "algorithm: halving\nmin_epochs: 4\n",
            "algorithm: halving\neta: 3\n#27",
            "algorithm: tpe\ntrials: 2\nbatch: 3\n")) {
      Path space =
          space(
              "study: bad\n"
                  + bad
                  + "\n"
                  + (bad.endsWith("#27")
                      ? CONDITIONAL.replace("num_epochs: 3", "num_epochs: 27")
                      : CONDITIONAL));
      MainJobRun r = run(common(space, out));
      assertEquals(2, r.code(), bad + r.out());
      assertTrue(r.err().startsWith("error: ") && r.err().strip().lines().count() == 1, r.err());
      assertTrue(!Files.exists(out), bad);
    }
  }

  /**
   * The contract's Python example: warm-starts from AIP_CHECKPOINT_DIR and reports val_accuracy per
   * epoch.
   */
  private static final Path CONTRACT_TRAINER =
      Path.of("../examples/python/contract_trainer.py").toAbsolutePath().normalize();

  @Test
  void halvingAndTpeRunACommandTrainerThroughTheContract() throws Exception {
    String trainer = "trainer: {command: [python3, " + CONTRACT_TRAINER + "]}\n";
    Path halving =
        space(
            "study: contract-halving\nalgorithm: halving\neta: 2\n"
                + trainer
                + """
        parameters:
          learning_rate: {type: discrete, values: [0.05, 0.5, 1.0, 2.0]}
          batch_size: {type: discrete, values: [16, 64], when: {learning_rate: [0.5]}}
        fixed:
          num_epochs: 2
          train_samples: 300
          test_samples: 100
        """);
    Path out = tmp.resolve("halving");
    MainJobRun r = run("--searchSpace=" + halving, "--output=" + out);
    assertEquals(0, r.code(), r.err() + r.out());
    // 5 points (batch_size only under learning_rate 0.5): 5 trials at epoch 1, the best 2 to epoch
    // 2.
    List<CSVRecord> rows = csv(out.resolve("results.csv"));
    assertEquals(
        List.of("SUCCEEDED", "SUCCEEDED", "STOPPED", "STOPPED", "STOPPED"),
        rows.stream().map(x -> x.get("status")).toList(),
        r.out());
    assertEquals(
        List.of("2", "2", "1", "1", "1"), rows.stream().map(x -> x.get("epochs")).toList());
    for (CSVRecord row : rows) {
      assertEquals(
          row.get("learning_rate").equals("0.5"), !row.get("batch_size").isEmpty(), row.toString());
    }
    String promoted = rows.get(0).get("trial_id");
    assertTrue(
        Files.readString(out.resolve("trials").resolve(promoted).resolve("trainer.log"))
            .contains("continuing from the checkpoint at epoch 1"),
        "rung 2 continued the trial from its rung-1 checkpoint");

    Path tpe =
        space(
            "study: contract-tpe\nalgorithm: tpe\ntrials: 4\nbatch: 2\nseed: 5\n"
                + trainer
                + """
        parameters:
          learning_rate: {type: double, min: 0.01, max: 2.0, scale: log}
        fixed:
          num_epochs: 1
          train_samples: 300
          test_samples: 100
        """);
    Path tpeOut = tmp.resolve("tpe");
    MainJobRun t = run("--searchSpace=" + tpe, "--output=" + tpeOut);
    assertEquals(0, t.code(), t.err() + t.out());
    List<CSVRecord> tpeRows = csv(tpeOut.resolve("results.csv"));
    assertEquals(4, tpeRows.size());
    assertTrue(tpeRows.stream().allMatch(x -> x.get("status").equals("SUCCEEDED")), t.out());

    Path hyperband =
        space(
            Files.readString(halving)
                .replace("algorithm: halving", "algorithm: hyperband\nseed: 2")
                .replace("contract-halving", "contract-hb"));
    Path hbOut = tmp.resolve("hyperband");
    MainJobRun h = run("--searchSpace=" + hyperband, "--output=" + hbOut);
    assertEquals(0, h.code(), h.err() + h.out());
    // Bracket 0: 2 trials at epoch 1, the best to 2; bracket 1: 2 trials straight to 2.
    assertEquals(
        List.of("SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "STOPPED"),
        csv(hbOut.resolve("results.csv")).stream().map(x -> x.get("status")).toList(),
        h.out());
  }

  private static Map<String, Double> firstEpochAccuracy(Path out) throws Exception {
    JsonNode root = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    Map<String, Double> m = new HashMap<>();
    for (JsonNode t : root.path("trials")) {
      m.put(t.path("trial_id").asText(), t.path("history").get(0).path("val_accuracy").asDouble());
    }
    return m;
  }

  private static Map<Path, FileTime> metricsFiles(Path out) throws Exception {
    Map<Path, FileTime> m = new HashMap<>();
    try (var files = Files.walk(out.resolve("trials"))) {
      for (Path p : files.filter(f -> f.getFileName().toString().equals("metrics.json")).toList()) {
        m.put(p, Files.getLastModifiedTime(p));
      }
    }
    return m;
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
