package dev.tunebeam.transforms.schedule;

import dev.tunebeam.transforms.results.EpochResult;
import dev.tunebeam.transforms.results.Objective;
import dev.tunebeam.transforms.results.TrialResult;
import dev.tunebeam.transforms.results.TrialStatus;
import dev.tunebeam.transforms.space.Trial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a schedule reads from and writes into results, in one place: a result seen as of a rung's
 * epoch (a rerun may find a trial that already went further), the order a rung is ranked in, and
 * the STOPPED row of a trial that was not promoted.
 */
final class RungResults {
  private RungResults() {}

  /** The trial at {@code epochs} epochs, with the same id: its folder (and checkpoint) is the trial's. */
  static Trial atEpochs(Trial trial, int epochs) {
    Map<String, String> p = new LinkedHashMap<>(trial.parameters());
    p.put("num_epochs", Integer.toString(epochs));
    return new Trial(trial.id(), trial.study(), p);
  }

  /** The result as it stood at {@code epochs}: the history cut there and the summary figures taken from what is left. */
  static TrialResult upTo(TrialResult r, int epochs) {
    if (!r.succeeded() || r.history().size() <= epochs) {
      return r;
    }
    List<EpochResult> h = new ArrayList<>(r.history().subList(0, epochs));
    double best = h.stream().mapToDouble(EpochResult::testAccuracy).max().orElse(Double.NaN);
    EpochResult last = h.get(h.size() - 1);
    double seconds = h.stream().mapToDouble(EpochResult::seconds).sum();
    return new TrialResult(atEpochs(r.trial(), epochs), r.backend(), r.status(), h, best, last.testAccuracy(), last.trainLoss(), r.device(),
        seconds, r.error(), r.location());
  }

  /** A trial the schedule stopped at this rung: its curve so far, status STOPPED. */
  static TrialResult stopped(TrialResult r) {
    return new TrialResult(r.trial(), r.backend(), TrialStatus.STOPPED, r.history(), r.bestTestAccuracy(), r.finalTestAccuracy(),
        r.finalTrainLoss(), r.device(), r.wallSeconds(), "stopped by the schedule after epoch " + r.epochs(), r.location());
  }

  /** Succeeded trials with a value first, best first by the objective; ties (and the rest) by trial id. */
  static Comparator<TrialResult> rankOrder(Objective objective) {
    Comparator<TrialResult> byValue = Comparator.comparingDouble(r -> objective.maximize() ? -objective.of(r) : objective.of(r));
    return Comparator.<TrialResult>comparingInt(r -> rankable(r, objective) ? 0 : 1)
        .thenComparing((a, b) -> rankable(a, objective) && rankable(b, objective) ? byValue.compare(a, b) : 0)
        .thenComparing(r -> r.trial().id());
  }

  static boolean rankable(TrialResult r, Objective objective) {
    return r.succeeded() && !Double.isNaN(objective.of(r));
  }

  /** The objective's value, for TPE: NaN when the trial has none. */
  static double value(TrialResult r, Objective objective) {
    return rankable(r, objective) ? objective.of(r) : Double.NaN;
  }
}
