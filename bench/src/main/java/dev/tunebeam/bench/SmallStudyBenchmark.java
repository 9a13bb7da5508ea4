package dev.tunebeam.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Successive halving against the full grid on a small study (9 points, 9 epochs, 3,000 training
 * images), each run as a user runs the main job: a fresh {@code java} process, timed from its start
 * to its exit, into a fresh folder. On so small a study the fixed costs (JVM start, worker
 * start-up, engine load, data parse, each rung's set-up, exit) decide the ratio, which issue 21
 * wants at 2.5x or more. Grid and halving alternate, {@code --rounds} times (default 2), so a
 * machine whose load changes slows both alike; each round's walls and ratio, each run's winner, and
 * the median ratio are printed. Extra options go to both runs:
 *
 * <pre>
 * java -cp pipeline/target/tunebeam.jar:bench/target/tunebeam-bench.jar \
 *   dev.tunebeam.bench.SmallStudyBenchmark [--rounds=N] [--trainSamples=N ...]
 * </pre>
 */
public final class SmallStudyBenchmark {
  private static final String PARAMETERS =
      """
      parameters:
        activation: {type: categorical, values: [relu, softmax, leakyrelu]}
        optimizer: {type: categorical, values: [sgd, adam, rmsprop]}
      fixed:
        batch_size: 64
        num_epochs: 9
      """;

  private SmallStudyBenchmark() {}

  /**
   * One run: wall seconds from start to exit, the lanes' training window (first group's start to
   * last group's end, {@code results.json}'s {@code utilisation.seconds}) and the winner.
   */
  record Run(double seconds, double trainingSeconds, String winner) {
    double fixedSeconds() {
      return seconds - trainingSeconds;
    }
  }

  public static void main(String[] args) throws Exception {
    List<String> common = new ArrayList<>(Arrays.asList(args));
    int rounds = 2;
    for (String a : List.copyOf(common)) {
      if (a.startsWith("--rounds=")) {
        rounds = Integer.parseInt(a.substring("--rounds=".length()));
        common.remove(a);
      }
    }
    if (common.stream().noneMatch(a -> a.startsWith("--trainSamples="))) {
      common.add("--trainSamples=3000");
    }
    Path grid = space("grid", "study: small\n" + PARAMETERS);
    Path halving =
        space("halving", "study: small\nalgorithm: halving\neta: 3\nmin_epochs: 1\n" + PARAMETERS);
    System.out.printf(
        Locale.ROOT,
        "small study: 9 points, 9 epochs, %s; %d core(s); load before: %s%n",
        common,
        Runtime.getRuntime().availableProcessors(),
        Files.readString(Path.of("/proc/loadavg")).trim());
    List<Double> ratios = new ArrayList<>();
    List<Double> trainingRatios = new ArrayList<>();
    List<Double> gridFixed = new ArrayList<>();
    List<Double> halvingFixed = new ArrayList<>();
    for (int r = 1; r <= rounds; r++) {
      Run g = run("grid", grid, common);
      Run h = run("halving", halving, common);
      double ratio = g.seconds() / h.seconds();
      ratios.add(ratio);
      trainingRatios.add(g.trainingSeconds() / h.trainingSeconds());
      gridFixed.add(g.fixedSeconds());
      halvingFixed.add(h.fixedSeconds());
      System.out.printf(
          Locale.ROOT,
          "round %d: grid %.1f s (training %.1f s, winner %s), halving %.1f s (training %.1f s,"
              + " winner %s), grid/halving %.2fx (load %s)%n",
          r,
          g.seconds(),
          g.trainingSeconds(),
          g.winner(),
          h.seconds(),
          h.trainingSeconds(),
          h.winner(),
          ratio,
          Files.readString(Path.of("/proc/loadavg")).trim());
    }
    System.out.printf(
        Locale.ROOT,
        "median grid/halving %.2fx over %d round(s) (goal: >= 2.5x); their training windows"
            + " alone %.2fx; outside the window (start-up, planning, exit) grid %.1f s, halving"
            + " %.1f s%n",
        median(ratios),
        rounds,
        median(trainingRatios),
        median(gridFixed),
        median(halvingFixed));
  }

  private static Path space(String name, String yaml) throws IOException {
    Path file = Files.createTempFile("tunebeam-small-" + name + "-", ".yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static double median(List<Double> values) {
    return new Median().evaluate(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** The main job in a JVM of its own, as a user starts it; wall time from start to exit. */
  private static Run run(String name, Path space, List<String> common) throws Exception {
    Path output = Files.createTempDirectory("tunebeam-small-" + name + "-");
    Path log = output.resolveSibling(output.getFileName() + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.tunebeam.pipeline.SearchPipeline");
    command.add("--searchSpace=" + space);
    command.addAll(common);
    command.add("--output=" + output);
    long started = System.nanoTime();
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int code = p.waitFor();
    double seconds = (System.nanoTime() - started) / 1e9;
    if (code != 0) {
      throw new IllegalStateException(name + " exited " + code + "; its log: " + log);
    }
    JsonNode results = new ObjectMapper().readTree(output.resolve("results.json").toFile());
    return new Run(
        seconds, results.path("utilisation").path("seconds").asDouble(Double.NaN), winner(results));
  }

  /** The leaderboard's first trial: its id, best validation accuracy and the epoch of it. */
  private static String winner(JsonNode results) {
    JsonNode best = results.path("trials").get(0);
    return best.path("trial_id").asText()
        + " "
        + best.path("best_val_accuracy").asText()
        + "@"
        + best.path("chosen_epoch").asText();
  }
}
