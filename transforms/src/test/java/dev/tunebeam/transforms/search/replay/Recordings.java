package dev.tunebeam.transforms.search.replay;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.SearchSpaceLoader;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.TrialStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Recordings for the replay tests: a synthetic 3x3x3 grid, and the one the repository ships. */
final class Recordings {
  static final String SHIPPED = "examples/recordings/lenet5-fashion-grid/recording.json";

  private Recordings() {}

  /**
   * The reference space's 27 points, each recorded to {@code epochs} epochs with val_accuracy
   * {@code q (1 - 0.6^e)}, where q depends on every parameter, and 2 seconds an epoch; every trial
   * also recorded {@code pooling=avg}, which the spaces below do not set.
   */
  static Recording synthetic(int epochs) {
    List<RecordedTrial> trials = new ArrayList<>();
    int i = 0;
    for (String a : List.of("relu", "softmax", "leakyrelu")) {
      for (String o : List.of("sgd", "adam", "rmsprop")) {
        for (String b : List.of("32", "64", "128")) {
          Map<String, String> p = new LinkedHashMap<>();
          p.put("activation", a);
          p.put("optimizer", o);
          p.put("batch_size", b);
          p.put("num_epochs", Integer.toString(epochs));
          p.put("pooling", "avg");
          trials.add(
              new RecordedTrial(
                  "t" + i++,
                  p,
                  TrialStatus.SUCCEEDED,
                  null,
                  curve(quality(a, o, b), epochs),
                  "cpu"));
        }
      }
    }
    return new Recording("synthetic", Objectives.DEFAULT, trials, "synthetic", Map.of());
  }

  static double quality(String a, String o, String b) {
    double q = 0.7;
    q +=
        switch (a) {
          case "relu" -> 0.10;
          case "leakyrelu" -> 0.12;
          default -> 0.0;
        };
    q +=
        switch (o) {
          case "adam" -> 0.06;
          case "rmsprop" -> 0.04;
          default -> 0.0;
        };
    return q + 32.0 / Double.parseDouble(b) / 100;
  }

  static List<EpochRecord> curve(double q, int epochs) {
    List<EpochRecord> h = new ArrayList<>();
    for (int e = 1; e <= epochs; e++) {
      h.add(
          EpochRecord.of(
              e,
              2.0,
              Map.of(
                  EpochRecord.VAL_ACCURACY,
                  q * (1 - Math.pow(0.6, e)),
                  EpochRecord.TEST_ACCURACY,
                  q * (1 - Math.pow(0.6, e)) - 0.01)));
    }
    return h;
  }

  /** The reference space's parameters under {@code algorithm} and its keys, 10 epochs. */
  static SearchSpace space(String study, String algorithmAndKeys) {
    String yaml =
        """
        study: %s
        %s
        parameters:
          activation: {type: categorical, values: [relu, softmax, leakyrelu]}
          optimizer: {type: categorical, values: [sgd, adam, rmsprop]}
          batch_size: {type: discrete, values: [32, 64, 128]}
        fixed:
          num_epochs: 10
        """
            .formatted(study, algorithmAndKeys);
    return SearchSpaceLoader.parse("test.yaml", yaml.getBytes(StandardCharsets.UTF_8), true);
  }

  /** The repository's root: Surefire runs in a module folder. */
  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("examples/recordings"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException(
          "no examples/recordings above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  static Recording shipped() {
    return RecordingFiles.read(root().resolve(SHIPPED).toString());
  }
}
