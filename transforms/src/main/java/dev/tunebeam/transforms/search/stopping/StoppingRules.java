package dev.tunebeam.transforms.search.stopping;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.space.StoppingRule;
import dev.tunebeam.transforms.study.Objective;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.beam.sdk.annotations.Internal;

/**
 * What a stopping rule decides at one epoch, as a pure function of the values the trials have
 * there: the graph's stopping stages, the stopping benchmark and a replay of a recorded study all
 * call {@link #stops}, so they cannot disagree.
 *
 * <ul>
 *   <li>{@code median}: stop a trial whose value is worse than the median of the trials' values.
 *   <li>{@code percentile p}: Optuna's {@code PercentilePruner(p)}: stop a trial worse than the
 *       p-th percentile of the values counted from the best end (numpy's linear interpolation), so
 *       {@code p = 25} keeps the best quarter and stops the rest; the median is {@code p = 50}.
 *   <li>{@code threshold}: Optuna's {@code ThresholdPruner}: stop a trial whose value is below
 *       {@code min} or above {@code max}.
 * </ul>
 *
 * "Worse" is the objective's goal; equal to the bound is not worse. A trial without a value (NaN:
 * the metric never reported, or diverged) stops, as in Optuna, and is left out of the median. No
 * trial stops at an epoch below {@code grace_epochs}.
 */
@Internal
public final class StoppingRules {
  private StoppingRules() {}

  /**
   * The trials that stop at {@code epoch}, in id order, given each trial's value there ({@link
   * #valueAt}; NaN when it has none). The cohort is every trial in {@code values}.
   */
  public static SortedSet<String> stops(
      StoppingRule rule, Objective objective, int epoch, Map<String, Double> values) {
    SortedSet<String> stop = new TreeSet<>();
    if (epoch < rule.graceEpochs()) {
      return stop;
    }
    double bound =
        rule.rule() == StoppingRule.Kind.THRESHOLD
            ? Double.NaN
            : cohortBound(rule, objective, values);
    values.forEach(
        (id, v) -> {
          if (Double.isNaN(v) || worse(rule, objective, v, bound)) {
            stop.add(id);
          }
        });
    return stop;
  }

  /**
   * A trial's value at {@code epoch}: the objective measured over epochs 1 to {@code epoch} of its
   * history (measurement best: the best so far; last: the value at that epoch); NaN when none of
   * those epochs reported the metric.
   */
  public static double valueAt(Objective objective, List<EpochRecord> history, int epoch) {
    List<EpochRecord> upTo = history.stream().filter(e -> e.epoch() <= epoch).toList();
    return objective.choose(upTo).map(e -> e.metric(objective.metric())).orElse(Double.NaN);
  }

  /**
   * The p-th percentile of {@code sorted} (ascending), interpolated linearly between neighbours as
   * numpy's {@code percentile} does by default.
   */
  static double percentile(List<Double> sorted, double p) {
    double rank = p / 100 * (sorted.size() - 1);
    int lo = (int) Math.floor(rank);
    int hi = (int) Math.ceil(rank);
    return sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (rank - lo);
  }

  /**
   * Median and percentile: the bound in "smaller is better" terms (a maximised value negated), so
   * one comparison serves both goals; NaN when no trial has a value.
   */
  private static double cohortBound(
      StoppingRule rule, Objective objective, Map<String, Double> values) {
    List<Double> smallerBetter = new ArrayList<>();
    values.values().stream()
        .filter(v -> !Double.isNaN(v))
        .forEach(v -> smallerBetter.add(objective.maximize() ? -v : v));
    if (smallerBetter.isEmpty()) {
      return Double.NaN;
    }
    Collections.sort(smallerBetter);
    return percentile(smallerBetter, rule.percentile());
  }

  private static boolean worse(StoppingRule rule, Objective objective, double v, double bound) {
    if (rule.rule() == StoppingRule.Kind.THRESHOLD) {
      return v < rule.min() || v > rule.max();
    }
    return (objective.maximize() ? -v : v) > bound;
  }
}
