package dev.tunebeam.transforms.results;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/**
 * All results of a study, best first by the objective; trials whose metric is NaN, then failed,
 * then skipped trials come last. Ties are broken by the other accuracy, then by trial id, so the order never
 * depends on the order results arrived in.
 */
@DefaultCoder(SerializableCoder.class)
public record Leaderboard(Objective objective, List<TrialResult> ranked) implements Serializable {
  private static final long serialVersionUID = 1L;

  public Leaderboard {
    ranked = List.copyOf(ranked);
  }

  public static Leaderboard rank(Collection<TrialResult> results, Objective objective) {
    List<TrialResult> sorted = new ArrayList<>(results);
    sorted.sort(order(objective));
    return new Leaderboard(objective, sorted);
  }

  static Comparator<TrialResult> order(Objective objective) {
    Comparator<TrialResult> byMetric = Comparator.comparingDouble(objective::of);
    if (objective.maximize()) {
      byMetric = byMetric.reversed();
    }
    // Completed trials first, then those a schedule stopped (furthest first), then failed and skipped.
    return Comparator.<TrialResult>comparingInt(r -> tier(r, objective))
        .thenComparingInt(r -> r.status() == TrialStatus.STOPPED ? -r.epochs() : 0)
        .thenComparing(byMetric)
        .thenComparing(Comparator.comparingDouble(TrialResult::finalTestAccuracy).reversed())
        .thenComparing(r -> r.trial().id())
        .thenComparing(TrialResult::backend);
  }

  private static int tier(TrialResult r, Objective objective) {
    if (r.status() == TrialStatus.STOPPED && !Double.isNaN(objective.of(r))) {
      return 1;
    }
    return ranksLast(r, objective) ? 2 + r.status().ordinal() : 0;
  }

  private static boolean ranksLast(TrialResult r, Objective objective) {
    return !r.succeeded() || Double.isNaN(objective.of(r));
  }

  public Optional<TrialResult> best() {
    return ranked.isEmpty() || ranksLast(ranked.get(0), objective) ? Optional.empty() : Optional.of(ranked.get(0));
  }

  public long succeeded() {
    return ranked.stream().filter(TrialResult::succeeded).count();
  }

  public long failed() {
    return ranked.stream().filter(r -> r.status() == TrialStatus.FAILED).count();
  }

  public long skipped() {
    return ranked.stream().filter(r -> r.status() == TrialStatus.SKIPPED).count();
  }

  /** Every parameter name that appears, in first-seen order: the table's hyperparameter columns. */
  public List<String> parameterNames() {
    Set<String> names = new LinkedHashSet<>();
    ranked.forEach(r -> names.addAll(r.trial().parameters().keySet()));
    return List.copyOf(names);
  }
}
