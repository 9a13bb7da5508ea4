package dev.tunebeam.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunebeam.pipeline.SearchPipeline;
import dev.tunebeam.transforms.local.FusionMeasurement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Successive halving against the full grid on the reference space (27 points, 10 epochs), in one
 * run, each into a fresh folder with nothing resumed: model-epochs trained, wall time, and the
 * winner's objective (validation accuracy) and test accuracy for both. Halving uses eta 3 and
 * min_epochs 1 (rungs of 27, 9 and 3 trials at epochs 1, 3 and 10), continuing promoted trials from
 * their checkpoints. Both use {@code --fuse=auto}, whose measured costs (remembered in {@code
 * ~/.cache/tunebeam/fusion.properties}; delete it to measure again) are printed first. Run it on an
 * idle machine; extra options go to both runs:
 *
 * <pre>
 * java -cp pipeline/target/tunebeam.jar dev.tunebeam.bench.HalvingBenchmark [--trainSamples=N ...] [--halvingOnly]
 * </pre>
 */
public final class HalvingBenchmark {
  private HalvingBenchmark() {}

  record Figures(
      String name,
      double minutes,
      long modelEpochs,
      double bestObjective,
      double testAccuracy,
      String winner) {}

  public static void main(String[] args) throws IOException {
    System.setProperty("ai.djl.offline", "true");
    List<String> common = new ArrayList<>(Arrays.asList(args));
    boolean halvingOnly = common.remove("--halvingOnly");
    Path space = Files.createTempFile("tunebeam-halving-", ".yaml");
    Files.writeString(
        space,
        """
        study: lenet5-fashion
        algorithm: halving
        eta: 3
        min_epochs: 1
        parameters:
          activation: {type: categorical, values: [relu, softmax, leakyrelu]}
          optimizer: {type: categorical, values: [sgd, adam, rmsprop]}
          batch_size: {type: discrete, values: [32, 64, 128]}
        fixed:
          num_epochs: 10
        """);
    // Measured (or read) before either run is timed, so neither pays for the probe.
    System.out.println(
        "--fuse=auto costs on this machine: "
            + FusionMeasurement.costs(1, null, FusionMeasurement.defaultCache())
                .map(Object::toString)
                .orElse("none (the probe failed: no fusion)"));
    Figures halving = run("halving", common, "--searchSpace=" + space);
    print(halving);
    if (halvingOnly) {
      return;
    }
    Figures grid = run("grid", common);
    print(grid);
    System.out.printf(
        Locale.ROOT,
        "halving/grid: wall time %.2f, model-epochs %.2f, winner's objective %+.2f points (goal: <= 0.33 and within 0.3 points)%n",
        halving.minutes() / grid.minutes(),
        (double) halving.modelEpochs() / grid.modelEpochs(),
        100 * (halving.bestObjective() - grid.bestObjective()));
  }

  private static void print(Figures f) {
    System.out.printf(
        Locale.ROOT,
        "%-8s %6.1f min  %4d model-epochs  winner %s: objective %.4f, test accuracy %.4f%n",
        f.name(),
        f.minutes(),
        f.modelEpochs(),
        f.winner(),
        f.bestObjective(),
        f.testAccuracy());
  }

  static Figures run(String name, List<String> common, String... extra) throws IOException {
    Path output = Files.createTempDirectory("tunebeam-" + name + "-bench-");
    List<String> all = new ArrayList<>(common);
    all.addAll(Arrays.asList(extra));
    all.add("--output=" + output);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    long started = System.nanoTime();
    int code =
        SearchPipeline.run(
            all.toArray(String[]::new),
            new PrintStream(log, true, StandardCharsets.UTF_8),
            System.err);
    double minutes = (System.nanoTime() - started) / 60e9;
    if (code != 0) {
      throw new IllegalStateException(
          name + " run exited " + code + ":\n" + log.toString(StandardCharsets.UTF_8));
    }
    JsonNode board = new ObjectMapper().readTree(output.resolve("results.json").toFile());
    long epochs = 0;
    for (JsonNode t : board.path("trials")) {
      // With warm start every epoch a trial reached was trained once.
      epochs += t.path("epochs").asLong();
    }
    JsonNode best = board.path("trials").get(0);
    String column = board.path("objective").path("metric").asText("val_accuracy");
    return new Figures(
        name,
        minutes,
        epochs,
        best.path("best_" + column).asDouble(Double.NaN),
        best.path("test_accuracy").asDouble(Double.NaN),
        best.path("trial_id").asText() + " " + best.path("parameters"));
  }
}
