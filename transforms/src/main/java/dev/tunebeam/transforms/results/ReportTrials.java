package dev.tunebeam.transforms.results;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place where the report reads {@link TrialResult}s and their per-epoch history: the HTML
 * report and the TensorBoard summary see trials only through {@link ReportTrial}, so a change of
 * the result types is a change here. Every metric a trial reported is carried, under its tag.
 */
final class ReportTrials {
  private ReportTrials() {}

  /** The objective's column name, as the leaderboard ranks by it ({@code best_val_accuracy}). */
  static String objectiveName(Leaderboard board) {
    return board.objective().column();
  }

  /** The objective in words: {@code best val_accuracy (maximize)}. */
  static String objectiveLabel(Leaderboard board) {
    return ObjectiveLabel.of(board.objective());
  }

  /** The per-epoch metric the objective is read from, for the curves' default view. */
  static String objectiveMetric(Leaderboard board) {
    return board.objective().metric();
  }

  static boolean maximize(Leaderboard board) {
    return board.objective().maximize();
  }

  /** Every trial, in leaderboard order (rank 1 first). */
  static List<ReportTrial> of(Leaderboard board) {
    List<ReportTrial> trials = new ArrayList<>();
    for (int i = 0; i < board.ranked().size(); i++) {
      trials.add(of(i + 1, board.ranked().get(i), board.objective()));
    }
    return trials;
  }

  private static ReportTrial of(int rank, TrialResult r, Objective objective) {
    List<EpochRecord> all = r.history();
    List<Integer> kept = CurvePoints.kept(all, r.chosenEpoch());
    List<EpochRecord> history = kept.stream().map(all::get).toList();
    Set<String> tags = new LinkedHashSet<>();
    // The built-in tags first in their print order, then whatever else a trainer reported.
    EpochRecord.BUILT_IN_TAGS.stream()
        .filter(t -> history.stream().anyMatch(e -> e.has(t)))
        .forEach(tags::add);
    history.forEach(e -> tags.addAll(e.metrics().keySet()));
    Map<String, List<Double>> metrics = new LinkedHashMap<>();
    for (String tag : tags) {
      metrics.put(tag, history.stream().map(e -> e.metric(tag)).toList());
    }
    boolean stopped = r.status() == TrialStatus.STOPPED;
    int lastEpoch = all.isEmpty() ? 0 : all.get(all.size() - 1).epoch();
    List<Integer> epochs = history.stream().map(EpochRecord::epoch).toList();
    // Judged on the whole history, then read at the kept epochs.
    double[] judged = objective.valuesSoFar(all);
    List<Double> soFar = new ArrayList<>();
    kept.forEach(i -> soFar.add(judged[i]));
    return new ReportTrial(
        rank,
        r.trial().id(),
        r.status().name(),
        r.trial().parameters(),
        r.objectiveValue(),
        r.chosenEpoch(),
        metrics,
        stopped ? lastEpoch : 0,
        r.error(),
        r.location(),
        r.backend(),
        epochs,
        soFar,
        all.size());
  }
}
