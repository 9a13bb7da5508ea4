package dev.tunebeam.transforms.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The one place where the report reads {@link TrialResult}s and their per-epoch history: the HTML
 * report and the TensorBoard summary see trials only through {@link ReportTrial}, so a change of
 * the result types is a change here.
 */
final class ReportTrials {
  /** The per-epoch metrics today's {@link EpochResult} carries, under the trainer's tags. */
  private static final Map<String, ToDoubleFunction<EpochResult>> EPOCH_METRICS = new LinkedHashMap<>();

  static {
    EPOCH_METRICS.put("test_accuracy", EpochResult::testAccuracy);
    EPOCH_METRICS.put("train_accuracy", EpochResult::trainAccuracy);
    EPOCH_METRICS.put("train_loss", EpochResult::trainLoss);
    EPOCH_METRICS.put("epoch_seconds", EpochResult::seconds);
  }

  private ReportTrials() {}

  /** The objective's metric tag, as the leaderboard ranks by it. */
  static String objectiveName(Leaderboard board) {
    return board.objective().key();
  }

  /** The per-epoch metric the objective is read from, for the curves' default view. */
  static String objectiveMetric(Leaderboard board) {
    return board.objective() == Objective.FINAL_TRAIN_LOSS ? "train_loss" : "test_accuracy";
  }

  static boolean maximize(Leaderboard board) {
    return board.objective().maximize();
  }

  /** Every trial, in leaderboard order (rank 1 first). */
  static List<ReportTrial> of(Leaderboard board) {
    List<ReportTrial> trials = new ArrayList<>();
    for (int i = 0; i < board.ranked().size(); i++) {
      trials.add(of(board, i + 1, board.ranked().get(i)));
    }
    return trials;
  }

  private static ReportTrial of(Leaderboard board, int rank, TrialResult r) {
    Map<String, List<Double>> metrics = new LinkedHashMap<>();
    EPOCH_METRICS.forEach((tag, read) -> metrics.put(tag, r.history().stream().map(e -> read.applyAsDouble(e)).toList()));
    int epochs = r.history().size();
    boolean stopped = r.status().name().equals("STOPPED");
    return new ReportTrial(rank, r.trial().id(), r.status().name(), r.trial().parameters(), board.objective().of(r),
        chosenEpoch(board.objective(), r), metrics, stopped ? epochs : 0, r.error(), r.location(), r.backend());
  }

  /** The epoch whose value the objective took: the best test-accuracy epoch, or the last. */
  private static int chosenEpoch(Objective objective, TrialResult r) {
    if (r.history().isEmpty()) {
      return 0;
    }
    if (objective != Objective.BEST_TEST_ACCURACY) {
      return r.history().get(r.history().size() - 1).epoch();
    }
    EpochResult best = r.history().get(0);
    for (EpochResult e : r.history()) {
      if (e.testAccuracy() > best.testAccuracy()) {
        best = e;
      }
    }
    return best.epoch();
  }
}
