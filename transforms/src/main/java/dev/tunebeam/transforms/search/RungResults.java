package dev.tunebeam.transforms.search;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
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

  /**
   * The trial at {@code epochs} epochs, with the same id: its folder (and checkpoint) is the
   * trial's.
   */
  static Trial atEpochs(Trial trial, int epochs) {
    Map<String, String> p = new LinkedHashMap<>(trial.parameters());
    p.put("num_epochs", Integer.toString(epochs));
    return new Trial(trial.id(), trial.study(), p);
  }

  /**
   * The result as it stood at {@code epochs}, judged by the objective on that part of its history.
   */
  static TrialResult upTo(TrialResult r, int epochs, Objectives objective) {
    if (r.status() != TrialStatus.SUCCEEDED || r.history().size() <= epochs) {
      return objective.evaluate(r);
    }
    List<EpochRecord> h = r.history().subList(0, epochs);
    double seconds = r.wallSeconds() * epochs / r.history().size();
    return objective.evaluate(
        TrialResult.of(
            atEpochs(r.trial(), epochs),
            r.backend(),
            r.status(),
            h,
            r.device(),
            seconds,
            r.groupWallSeconds() * epochs / r.history().size(),
            r.location()));
  }

  /** A trial the schedule stopped at this rung: its curve so far, status STOPPED. */
  static TrialResult stopped(TrialResult r) {
    return r.toBuilder()
        .status(TrialStatus.STOPPED)
        .error("stopped by the schedule after epoch " + r.epochs())
        .build();
  }

  /**
   * Judged, succeeded trials with a value first, best first in the objectives' order; ties (and the
   * rest) by trial id. {@code judged} is every result ranked.
   */
  static Comparator<TrialResult> rankOrder(Objectives objectives, List<TrialResult> judged) {
    Comparator<TrialResult> better =
        objectives.order(judged.stream().filter(RungResults::rankable).toList());
    return Comparator.<TrialResult>comparingInt(r -> rankable(r) ? 0 : 1)
        .thenComparing((a, b) -> rankable(a) && rankable(b) ? better.compare(a, b) : 0)
        .thenComparing(r -> r.trial().id());
  }

  /** For a result already judged by the objective. */
  static boolean rankable(TrialResult r) {
    return r.succeeded() && !Double.isNaN(r.objectiveValue());
  }

  /**
   * The objectives' values, for a proposer: each objective's value turned so that larger is better,
   * in the objectives' order; empty when the trial has none. A STOPPED trial gives its values at
   * the epoch it stopped.
   */
  static List<Double> values(TrialResult r, Objectives objectives) {
    TrialResult judged = objectives.evaluate(r);
    // A trial a stopping rule ended counts with its value where it stopped (as Optuna's TPE reads a
    // pruned trial): leaving it out would show the proposer only the trials that went well.
    boolean stopped =
        judged.status() == TrialStatus.STOPPED && !judged.judgement().values().isEmpty();
    if (!rankable(judged) && !stopped) {
      return List.of();
    }
    List<Double> better = new java.util.ArrayList<>();
    objectives.minimised(judged.judgement().values()).forEach(v -> better.add(-v));
    return better.stream().allMatch(Double::isFinite) ? better : List.of();
  }
}
