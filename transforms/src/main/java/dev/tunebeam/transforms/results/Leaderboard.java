package dev.tunebeam.transforms.results;

import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
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
 * All results of a study, judged by the objectives and best first: succeeded trials in the
 * objectives' order ({@link Objectives#order}: by value, or by Pareto front), then stopped ones,
 * then trials whose value is NaN, failed and skipped ones. Ties are broken by final test accuracy,
 * then by trial id, so the order never depends on the order results arrived in. When points were
 * trained with several seeds ({@code repeats}), the succeeded trials are grouped by {@link Point},
 * best mean first, each point's trials together.
 */
@DefaultCoder(SerializableCoder.class)
public record Leaderboard(Objectives objectives, List<TrialResult> ranked) implements Serializable {
  private static final long serialVersionUID = 3L;

  public Leaderboard {
    ranked = List.copyOf(ranked);
  }

  /** Judges each result by {@code objective} ({@link Objective#evaluate}) and ranks them. */
  public static Leaderboard rank(Collection<TrialResult> results, Objective objective) {
    return rank(results, Objectives.of(objective));
  }

  /** Judges each result by {@code objectives} ({@link Objectives#evaluate}) and ranks them. */
  public static Leaderboard rank(Collection<TrialResult> results, Objectives objectives) {
    List<TrialResult> sorted = new ArrayList<>(results.stream().map(objectives::evaluate).toList());
    sorted.sort(order(objectives, sorted));
    return new Leaderboard(objectives, byPoint(sorted, objectives));
  }

  /** The first objective: the one that chooses each trial's epoch. */
  public Objective objective() {
    return objectives.primary();
  }

  /**
   * Ranked trials with the first tier regrouped by point, best mean first, when any point has
   * repeats.
   */
  private static List<TrialResult> byPoint(List<TrialResult> sorted, Objectives objectives) {
    List<TrialResult> ranked = sorted.stream().filter(r -> tier(r) == 0).toList();
    List<Point> points = Point.of(ranked);
    if (points.size() == ranked.size()) {
      return sorted;
    }
    List<TrialResult> out = new ArrayList<>();
    points.stream().sorted(Point.order(objectives, points)).forEach(p -> out.addAll(p.trials()));
    sorted.stream().filter(r -> tier(r) != 0).forEach(out::add);
    return out;
  }

  /**
   * The points of a study trained with repeats, best mean first; empty when each point was trained
   * once.
   */
  public List<Point> points() {
    List<Point> points = Point.of(ranked);
    if (points.size() == ranked.size()) {
      return List.of();
    }
    return points.stream().sorted(Point.order(objectives, points)).toList();
  }

  /**
   * Tiers first (see {@link #tier}), then the objectives' order within the tier (with several
   * objectives, fronts are found among a tier's own results: a stopped trial's partial curve never
   * pushes a finished one off the front), then final test accuracy, trial id and backend, so the
   * order never depends on arrival. {@code judged} is every result ranked.
   */
  static Comparator<TrialResult> order(Objectives objectives, Collection<TrialResult> judged) {
    Comparator<TrialResult> succeeded =
        objectives.order(judged.stream().filter(r -> tier(r) == 0).toList());
    Comparator<TrialResult> stopped =
        objectives.order(judged.stream().filter(r -> tier(r) == 1).toList());
    return Comparator.<TrialResult>comparingInt(Leaderboard::tier)
        // Among stopped trials, those a schedule took furthest come first.
        .thenComparingInt(r -> r.status() == TrialStatus.STOPPED ? -r.epochs() : 0)
        .thenComparing((a, b) -> (tier(a) == 1 ? stopped : succeeded).compare(a, b))
        .thenComparing(Comparator.comparingDouble(TrialResult::finalTestAccuracy).reversed())
        .thenComparing(r -> r.trial().id())
        .thenComparing(TrialResult::backend);
  }

  /**
   * Each ranked trial's non-dominated front among the succeeded trials (1 is the Pareto front), in
   * rank order; 0 for a trial that did not succeed with a value for every objective.
   */
  public int[] fronts() {
    List<TrialResult> succeeded = ranked.stream().filter(r -> tier(r) == 0).toList();
    int[] own = objectives.fronts(succeeded.stream().map(r -> r.judgement().values()).toList());
    int[] out = new int[ranked.size()];
    for (int i = 0, k = 0; i < ranked.size(); i++) {
      out[i] = tier(ranked.get(i)) == 0 ? own[k++] : 0;
    }
    return out;
  }

  /**
   * 0 succeeded, 1 stopped, 2 either with a NaN objective, then failed and skipped, then (while a
   * study runs) running and queued.
   */
  private static int tier(TrialResult r) {
    return switch (r.status()) {
      case SUCCEEDED -> Double.isNaN(r.objectiveValue()) ? 2 : 0;
      case STOPPED -> Double.isNaN(r.objectiveValue()) ? 2 : 1;
      case FAILED -> 3;
      case SKIPPED -> 4;
      case RUNNING -> 5;
      case QUEUED -> 6;
    };
  }

  /** The best succeeded trial, if any has a number for the objective. */
  public Optional<TrialResult> best() {
    return ranked.isEmpty() || tier(ranked.get(0)) != 0
        ? Optional.empty()
        : Optional.of(ranked.get(0));
  }

  /** Whether a trial's objective never left the chance level (see {@link ChanceLevel}). */
  public boolean atChance(TrialResult r) {
    return ChanceLevel.atChance(objective(), r);
  }

  /**
   * The row's note: {@code at chance} for a trial that learned nothing, {@code reused from
   * STUDY/TRIAL_ID} for a row a warm start copied from an earlier study; empty for neither.
   */
  public String note(TrialResult r) {
    List<String> notes = new java.util.ArrayList<>();
    if (atChance(r)) {
      notes.add(ChanceLevel.NOTE);
    }
    if (r.reused()) {
      notes.add(LeaderboardColumns.REUSED_NOTE + r.reusedFrom());
    }
    return String.join("; ", notes);
  }

  /**
   * A sentence for the outputs when the ranking used the test set; empty when it used a validation
   * metric.
   */
  public Optional<String> selectionWarning() {
    return objective().usesTestSet()
        ? Optional.of(
            "Selection used the test set ("
                + objective().metric()
                + "; no validation split), so the test accuracies "
                + "shown are optimistic: rerun with validation_samples above 0 for an unbiased estimate.")
        : Optional.empty();
  }

  /**
   * One sentence when no trial that trained reported one of the objectives' metrics: the trainer
   * never reports it (each such trial's FAILED row says so too, but this is the study's problem,
   * said once); empty otherwise.
   */
  public Optional<String> unreportedObjective() {
    List<TrialResult> trained = ranked.stream().filter(r -> !r.history().isEmpty()).toList();
    for (String metric : objectives.metrics()) {
      if (!trained.isEmpty()
          && trained.stream().noneMatch(r -> r.history().stream().anyMatch(e -> e.has(metric)))) {
        Set<String> tags = new java.util.TreeSet<>();
        trained.forEach(r -> tags.addAll(r.reportedTags()));
        return Optional.of(
            "No trial reported "
                + metric
                + ", an objective's metric, so every trial that trained is FAILED; the trainer"
                + " reported "
                + String.join(", ", tags)
                + ": report "
                + metric
                + " each epoch, or choose the objectives among those.");
      }
    }
    return Optional.empty();
  }

  public long succeeded() {
    return count(TrialStatus.SUCCEEDED);
  }

  public long stopped() {
    return count(TrialStatus.STOPPED);
  }

  public long failed() {
    return count(TrialStatus.FAILED);
  }

  public long skipped() {
    return count(TrialStatus.SKIPPED);
  }

  private long count(TrialStatus status) {
    return ranked.stream().filter(r -> r.status() == status).count();
  }

  /** Every parameter name that appears, in first-seen order: the table's hyperparameter columns. */
  public List<String> parameterNames() {
    Set<String> names = new LinkedHashSet<>();
    ranked.forEach(r -> names.addAll(r.trial().parameters().keySet()));
    return List.copyOf(names);
  }
}
