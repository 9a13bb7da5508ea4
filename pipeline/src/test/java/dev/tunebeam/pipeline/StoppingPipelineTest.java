package dev.tunebeam.pipeline;

import static dev.tunebeam.pipeline.MainJobRun.csv;
import static dev.tunebeam.pipeline.MainJobRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A grid with a {@code stopping:} rule through the main job, with real (small) training by the
 * built-in trainer: the trials below the median at epoch 1 stop there as STOPPED rows, the rest
 * continue from their checkpoints, and a rerun reuses every stage. Bad rules exit 2 and write
 * nothing.
 */
@Tag("integration")
class StoppingPipelineTest {
  @TempDir Path tmp;

  private static final String GRID =
      """
      study: stopping-e2e
      parameters:
        optimizer: {type: categorical, values: [sgd, adam]}
        activation: {type: categorical, values: [relu, tanh]}
      fixed:
        num_epochs: 3
        learning_rate: 0.01
      """;

  private Path space(String name, String yaml) throws Exception {
    Path f = tmp.resolve(name + ".yaml");
    Files.writeString(f, yaml);
    return f;
  }

  private static String[] args(Path space, Path out, String... more) {
    return Stream.concat(
            Stream.of(
                "--searchSpace=" + space,
                "--trainSamples=512",
                "--testSamples=256",
                "--dataDir=/usr/share/datasets/fashion-mnist",
                "--output=" + out),
            Stream.of(more))
        .toArray(String[]::new);
  }

  @Test
  void aGridStopsTheTrialsBelowTheMedianAndARerunTrainsNothing() throws Exception {
    Path space = space("median", GRID + "stopping: {rule: median, at: [1]}\n");
    Path out = tmp.resolve("out");
    MainJobRun r = run(args(space, out));
    assertEquals(0, r.code(), r.err() + r.out());
    List<CSVRecord> rows = csv(out.resolve("results.csv"));
    assertEquals(4, rows.size(), r.out());
    Map<String, Double> firstEpoch = firstEpochAccuracy(out);
    List<CSVRecord> stopped = rows.stream().filter(x -> x.get("status").equals("STOPPED")).toList();
    List<CSVRecord> on = rows.stream().filter(x -> x.get("status").equals("SUCCEEDED")).toList();
    assertFalse(stopped.isEmpty(), "four distinct trials: some are below their median");
    assertEquals(4, stopped.size() + on.size(), r.out());
    stopped.forEach(x -> assertEquals("1", x.get("epochs"), x.toString()));
    on.forEach(x -> assertEquals("3", x.get("epochs"), x.toString()));
    double worstOn =
        on.stream().mapToDouble(x -> firstEpoch.get(x.get("trial_id"))).min().orElseThrow();
    double bestStopped =
        stopped.stream().mapToDouble(x -> firstEpoch.get(x.get("trial_id"))).max().orElseThrow();
    assertTrue(worstOn > bestStopped, worstOn + " <= " + bestStopped);
    // The trials that went on trained to epoch 3 in their own folders (checkpoint continuation is
    // halving's mechanism, tested with it).

    Map<Path, FileTime> written = metricsFiles(out);
    MainJobRun again = run(args(space, out));
    assertEquals(0, again.code(), again.err());
    assertEquals(written, metricsFiles(out), "a rerun reuses every stage's result");
    assertEquals(
        rows.stream().map(x -> x.get("trial_id") + x.get("status") + x.get("epochs")).toList(),
        csv(out.resolve("results.csv")).stream()
            .map(x -> x.get("trial_id") + x.get("status") + x.get("epochs"))
            .toList());
  }

  @Test
  void aRuleTheStudyCannotUseExitsTwoAndWritesNothing() throws Exception {
    Path out = tmp.resolve("never");
    Map<String, String[]> bad =
        Map.of(
            "stopping cannot be used with algorithm halving",
            args(
                space(
                    "halving",
                    "algorithm: halving\neta: 2\n" + GRID + "stopping: {rule: median}\n"),
                out),
            "stopping.at [1, 3] reaches epoch 3, but trials train 3 epochs",
            args(space("top", GRID + "stopping: {rule: median, at: [1, 3]}\n"), out),
            "stopping.at [1, 2] reaches epoch 2, but trials train 2 epochs",
            args(
                space("epochs", GRID + "stopping: {rule: median, at: [1, 2]}\n"),
                out,
                "--epochs=2"),
            "stopping.rule mean is not supported; use median, percentile or threshold",
            args(space("rule", GRID + "stopping: {rule: mean}\n"), out));
    for (Map.Entry<String, String[]> e : bad.entrySet()) {
      MainJobRun r = run(e.getValue());
      assertEquals(2, r.code(), r.err() + r.out());
      assertTrue(r.err().strip().lines().count() == 1, r.err());
      assertTrue(r.err().contains(e.getKey()), r.err());
      assertFalse(Files.exists(out), e.getKey());
    }
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
    try (Stream<Path> files = Files.walk(out.resolve("trials"))) {
      for (Path f : files.filter(p -> p.endsWith("metrics.json")).toList()) {
        m.put(f, Files.getLastModifiedTime(f));
      }
    }
    return m;
  }
}
