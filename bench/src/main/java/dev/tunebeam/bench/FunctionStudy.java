package dev.tunebeam.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One study of a test function ({@code test_functions.py}, a trainer under the trial contract that
 * evaluates Branin or Hartmann-6 at its flags and reports {@code value}), run by the main job on
 * the DirectRunner like any command-trainer study.
 */
final class FunctionStudy {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A finished trial: its flags, the value it reported and its status. */
  record Finished(Map<String, String> parameters, double value, String status) {}

  private final Path script;
  private final String python;
  private final int workers;

  private FunctionStudy(Path script, String python, int workers) {
    this.script = script;
    this.python = python;
    this.workers = workers;
  }

  /** Copies the trainer out of the classpath into {@code folder}, so it runs from a jar too. */
  static FunctionStudy in(Path folder, String python, int workers) throws IOException {
    return new FunctionStudy(
        MainJobStudies.copyTrainer(folder, "test_functions.py"), python, workers);
  }

  /**
   * The space: {@code algorithm} gp or tpe ({@code trials} and {@code batch}) or random ({@code
   * samples}) on {@code fn}.
   */
  String space(TestFunction fn, String algorithm, int trials, int batch, long seed) {
    String sizes =
        algorithm.equals("random")
            ? "samples: " + trials
            : "trials: " + trials + "\nbatch: " + batch;
    StringBuilder parameters = new StringBuilder();
    if (fn == TestFunction.BRANIN) {
      parameters.append("  x1: {type: double, min: -5, max: 10}\n");
      parameters.append("  x2: {type: double, min: 0, max: 15}\n");
    } else {
      for (int j = 1; j <= 6; j++) {
        parameters.append("  x").append(j).append(": {type: double, min: 0, max: 1}\n");
      }
    }
    return """
        study: %s-%s-%d
        algorithm: %s
        %s
        seed: %d
        trainer:
          command: [%s, -I, -S, %s]
          workers: %d
        objective: {metric: %s, goal: minimize, measurement: last}
        parameters:
        %s
        fixed:
          function: %s
          num_epochs: 1
        """
        .formatted(
            fn.key(),
            algorithm,
            seed,
            algorithm,
            sizes,
            seed,
            MainJobStudies.json(python),
            MainJobStudies.json(script.toString()),
            workers,
            TestFunction.METRIC,
            parameters.toString().stripTrailing(),
            fn.key());
  }

  /** Runs the space into a fresh {@code output} folder and returns its trials. */
  List<Finished> run(String space, Path output) throws IOException {
    MainJobStudies.run(script.getParent(), space, output);
    return finished(output);
  }

  /** The trials of a finished study's {@code results.json}. */
  static List<Finished> finished(Path output) throws IOException {
    JsonNode board = JSON.readTree(output.resolve("results.json").toFile());
    String column =
        board.path("objective").path("measurement").asText() + "_" + TestFunction.METRIC;
    List<Finished> out = new ArrayList<>();
    for (JsonNode t : board.path("trials")) {
      Map<String, String> parameters = new LinkedHashMap<>();
      t.path("parameters")
          .fields()
          .forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
      out.add(
          new Finished(parameters, t.path(column).asDouble(Double.NaN), t.path("status").asText()));
    }
    return out;
  }
}
