package dev.tunebeam.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunebeam.transforms.search.Rung;
import dev.tunebeam.transforms.search.Schedule;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.SearchSpaceLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One study of the synthetic objective ({@code synthetic_objective.py}, a trainer under the trial
 * contract that scores its flags and reports {@code distance}), run by the main job on the
 * DirectRunner like any command-trainer study. Its trials come back in the order they finished: the
 * time each trial's {@code outcome.json} was written. TPE's rounds are barriers, so that order is
 * round by round; within a round (and in a random study) it is the order the workers happened to
 * finish in, which does not depend on the objective.
 */
final class SyntheticStudy {
  static final String OBJECTIVE = "distance";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A finished trial: its id, flags and the distance it reported. */
  record Finished(String id, Map<String, String> parameters, double distance, String status) {}

  private final Path script;
  private final String python;
  private final int workers;

  private SyntheticStudy(Path script, String python, int workers) {
    this.script = script;
    this.python = python;
    this.workers = workers;
  }

  /** Copies the trainer out of the classpath into {@code folder}, so it runs from a jar too. */
  static SyntheticStudy in(Path folder, String python, int workers) throws IOException {
    return new SyntheticStudy(
        MainJobStudies.copyTrainer(folder, "synthetic_objective.py"), python, workers);
  }

  /**
   * {@code /usr/bin/python3} where it exists (it starts in tens of milliseconds; a pyenv shim takes
   * ~0.5 s), else python3 on PATH.
   */
  static String defaultPython() {
    return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  }

  /**
   * The space: algorithm {@code tpe} ({@code trials} and {@code batch}) or {@code random} ({@code
   * samples}).
   */
  String space(String algorithm, int trials, int batch, long seed) {
    String sizes =
        algorithm.equals("tpe") ? "trials: " + trials + "\nbatch: " + batch : "samples: " + trials;
    return """
        study: synthetic-%s-%d
        algorithm: %s
        %s
        seed: %d
        trainer:
          command: [%s, -I, -S, %s]
          workers: %d
        objective: {metric: %s, goal: minimize, measurement: last}
        parameters:
          learning_rate: {type: double, min: 0.0001, max: 1.0, scale: log}
          x: {type: double, min: 0, max: 1}
          optimizer: {type: categorical, values: [sgd, adam, rmsprop]}
        fixed:
          num_epochs: 1
        """
        .formatted(
            algorithm,
            seed,
            algorithm,
            sizes,
            seed,
            MainJobStudies.json(python),
            MainJobStudies.json(script.toString()),
            workers,
            OBJECTIVE);
  }

  /**
   * Runs the space into a fresh {@code output} folder and returns its trials in the order they
   * finished.
   */
  List<Finished> run(String space, Path output) throws IOException {
    MainJobStudies.run(script.getParent(), space, output);
    return finished(output);
  }

  /**
   * The trials of a finished study's {@code results.json}, ordered by when each one's outcome was
   * written.
   */
  static List<Finished> finished(Path output) throws IOException {
    JsonNode board = JSON.readTree(output.resolve("results.json").toFile());
    String column = board.path("objective").path("measurement").asText() + "_" + OBJECTIVE;
    List<Finished> out = new ArrayList<>();
    Map<String, FileTime> written = new LinkedHashMap<>();
    for (JsonNode t : board.path("trials")) {
      Map<String, String> parameters = new LinkedHashMap<>();
      t.path("parameters")
          .fields()
          .forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
      String id = t.path("trial_id").asText();
      out.add(
          new Finished(
              id, parameters, t.path(column).asDouble(Double.NaN), t.path("status").asText()));
      written.put(
          id,
          Files.getLastModifiedTime(output.resolve("trials").resolve(id).resolve("outcome.json")));
    }
    out.sort(Comparator.comparing((Finished f) -> written.get(f.id())).thenComparing(Finished::id));
    return out;
  }

  /**
   * The sizes of a TPE study's rounds, as the main job schedules them (round 0 is the random one).
   */
  List<Integer> roundSizes(int trials, int batch) {
    SearchSpace space =
        SearchSpaceLoader.parse(
            "the synthetic space",
            space("tpe", trials, batch, 1).getBytes(StandardCharsets.UTF_8),
            true);
    return Schedule.of(space).brackets().get(0).rungs().stream().map(Rung::trials).toList();
  }

  /** The round that the {@code n}-th trial (from 1) belongs to. */
  static int roundOf(int n, List<Integer> sizes) {
    int end = 0;
    for (int round = 0; round < sizes.size(); round++) {
      end += sizes.get(round);
      if (n <= end) {
        return round;
      }
    }
    throw new IllegalArgumentException("trial " + n + " is past the study's " + end + " trials");
  }

  /** 1 + the index of the first trial within {@code radius}, or 0 when none is. */
  static int trialsToReach(List<Finished> order, double radius) {
    for (int i = 0; i < order.size(); i++) {
      if (order.get(i).distance() <= radius) {
        return i + 1;
      }
    }
    return 0;
  }

  static void delete(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
