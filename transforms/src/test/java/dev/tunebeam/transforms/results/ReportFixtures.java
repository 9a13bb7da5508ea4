package dev.tunebeam.transforms.results;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small study for the report tests: five trials that succeeded over three epochs, one that
 * failed, one skipped.
 */
final class ReportFixtures {
  static final String STUDY = "lenet5 <study> & \"friends\"";
  static final String HOSTILE_ACTIVATION = "<script>alert('x')</script>";
  static final String FAILED_ID = "f41led-id";
  static final String ERROR = "OOM </td><script>alert(1)</script> & more";
  static final String SKIPPED_ID = "skipped-id";
  static final int SUCCEEDED = 5;

  /** optimizer, learning_rate, activation. */
  static final int PARAMETERS = 3;

  private ReportFixtures() {}

  static Leaderboard board() {
    List<TrialResult> results = new ArrayList<>();
    String[][] points = {
      {"adam", "0.001", "relu"},
      {"adam", "0.01", "tanh"},
      {"sgd", "0.1", "relu"},
      {"sgd", "0.01", HOSTILE_ACTIVATION},
      {"rmsprop", "0.001", "relu"}
    };
    double[] finals = {0.86, 0.83, 0.79, 0.71, 0.845};
    for (int i = 0; i < points.length; i++) {
      Trial trial =
          new Trial("trial" + i + "-id", STUDY, params(points[i][0], points[i][1], points[i][2]));
      List<EpochRecord> history =
          List.of(
              Results.epoch(1, 0.9, 0.70, finals[i] - 0.08, finals[i] - 0.08, 2.0),
              Results.epoch(2, 0.6, 0.78, finals[i] - 0.03, finals[i] - 0.03, 1.9),
              Results.epoch(3, 0.5, 0.82, finals[i], finals[i], 1.8));
      results.add(
          TrialResult.of(
              trial,
              "local",
              TrialStatus.SUCCEEDED,
              history,
              "cpu",
              6.0,
              6.0,
              "/out/trials/" + trial.id()));
    }
    results.add(
        TrialResult.failed(
            new Trial(FAILED_ID, STUDY, params("adam", "0.5", "relu")),
            "vertex",
            ERROR,
            1.0,
            "job/1"));
    results.add(
        TrialResult.skipped(
            new Trial(SKIPPED_ID, STUDY, params("adam", "0.9", "relu")),
            "local",
            "not run: more than 0 trials failed"));
    return Leaderboard.rank(results, Objective.DEFAULT);
  }

  /**
   * Successive halving with eta 2 over 4 epochs (rungs of 6 at epoch 1, 3 at 2, 1 at 4), as
   * RunSchedule leaves it: one row per trial, numbered h0..h5 by their parameters, plus a trial
   * that trained two epochs but never reported the objective's metric (FAILED, its epochs spent).
   * Validation accuracy per epoch; h1 leads after the first rung, h0 wins.
   */
  static Leaderboard halvingBoard() {
    double[][] curves = {
      {0.70, 0.78, 0.80, 0.84}, {0.72, 0.75}, {0.69, 0.77}, {0.60}, {0.50}, {0.65}
    };
    List<TrialResult> results = new ArrayList<>();
    for (int i = 0; i < curves.length; i++) {
      List<EpochRecord> history = new ArrayList<>();
      for (int e = 0; e < curves[i].length; e++) {
        history.add(
            Results.epoch(
                e + 1, 1.0 - curves[i][e], curves[i][e], curves[i][e], curves[i][e] - 0.01, 1.0));
      }
      TrialStatus status = curves[i].length == 4 ? TrialStatus.SUCCEEDED : TrialStatus.STOPPED;
      results.add(
          TrialResult.of(
              halvingTrial(i, curves[i].length),
              "local",
              status,
              history,
              "cpu",
              1.0 * curves[i].length,
              1.0,
              null));
    }
    List<EpochRecord> noObjective =
        List.of(
            EpochRecord.of(1, 1.0, Map.of(EpochRecord.TRAIN_LOSS, 0.9)),
            EpochRecord.of(2, 1.0, Map.of(EpochRecord.TRAIN_LOSS, 0.8)));
    results.add(
        TrialResult.of(
            halvingTrial(6, 2),
            "local",
            TrialStatus.SUCCEEDED,
            noObjective,
            "cpu",
            2.0,
            2.0,
            null));
    return Leaderboard.rank(results, Objective.DEFAULT);
  }

  private static Trial halvingTrial(int i, int epochs) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("learning_rate", "0.0" + (i + 1));
    p.put("num_epochs", Integer.toString(epochs));
    return new Trial("h" + i, "halving", p);
  }

  static Map<String, String> params(String optimizer, String learningRate, String activation) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("optimizer", optimizer);
    p.put("learning_rate", learningRate);
    p.put("activation", activation);
    return p;
  }

  /** Distinct values per parameter among the trials that succeeded: one max marker each. */
  static int distinctValues() {
    return 3 + 3 + 3;
  }
}
