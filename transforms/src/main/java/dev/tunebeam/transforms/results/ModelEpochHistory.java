package dev.tunebeam.transforms.results;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Optuna's optimisation history against compute instead of trial count: after each piece of
 * training, how many model-epochs the study had spent and which value of the objective that piece
 * produced. Each epoch a trial trained counts once: a trial a schedule stopped counts only the
 * epochs it reached, and a trial that went on from its checkpoint counts each rung's new epochs
 * only.
 *
 * <p>Results carry no clock, so the order is rebuilt from what they do carry. A schedule's rungs
 * are barriers: every trial of a rung finished before any trial of the next rung started. The
 * rungs' ends are the epochs at which trials were stopped, so training is replayed rung by rung,
 * and within a rung in trial-number order. A trial that went past a rung's end yields a rung result
 * there, valued as the schedule ranked it (the objective judged on its epochs so far); its last
 * piece yields the value the leaderboard shows. Without stopped trials (grid, random, TPE) every
 * trial is one piece, in trial-number order. A failed trial spends the epochs it reported and
 * yields no value.
 */
final class ModelEpochHistory {
  /**
   * One piece of training: trial {@code id} trained to {@code epoch}, after which the study had
   * spent {@code spent} model-epochs; {@code value} is the objective there (NaN for a trial that is
   * not plotted); {@code last} when this was the trial's final piece (its leaderboard row).
   */
  record Piece(String id, long spent, int epoch, double value, boolean last) {}

  private ModelEpochHistory() {}

  /** {@code numbered}: every trial, in trial-number order. */
  static List<Piece> of(List<ReportTrial> numbered) {
    TreeSet<Integer> ends = new TreeSet<>();
    numbered.stream().filter(t -> t.stoppedEpoch() > 0).forEach(t -> ends.add(t.stoppedEpoch()));
    ends.add(Integer.MAX_VALUE);
    List<Piece> pieces = new ArrayList<>();
    long spent = 0;
    int previous = 0;
    for (int end : ends) {
      for (ReportTrial t : numbered) {
        int reached = t.reachedEpoch();
        if (reached <= previous) {
          continue;
        }
        int upTo = Math.min(reached, end);
        spent += upTo - previous;
        boolean last = reached <= end;
        double value = !t.plotted() ? Double.NaN : last ? t.objective() : t.objectiveAt(upTo);
        pieces.add(new Piece(t.id(), spent, upTo, value, last));
      }
      previous = end;
    }
    return pieces;
  }
}
