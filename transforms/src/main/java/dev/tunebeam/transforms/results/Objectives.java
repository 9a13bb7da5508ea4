package dev.tunebeam.transforms.results;

import dev.tunebeam.trainer.report.EpochRecord;
import java.io.Serializable;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a study optimises: one or more {@link Objective}s, the first of which picks the epoch a
 * trial is judged at. It judges a result ({@link #evaluate}: one {@link Judgement}) and owns the
 * one order of judged results ({@link #order}) that the leaderboard, a schedule's rungs and
 * repeated points all rank by, so the three can never disagree.
 */
public record Objectives(List<Objective> all) implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final Objectives DEFAULT = of(Objective.DEFAULT);

  public Objectives {
    if (all == null || all.isEmpty()) {
      throw new IllegalArgumentException(
          "objectives is empty; name at least one, such as val_accuracy (maximize, best)");
    }
    all = List.copyOf(all);
    Set<String> seen = new HashSet<>();
    for (Objective o : all) {
      if (!seen.add(o.metric())) {
        throw new IllegalArgumentException(
            "objectives lists metric " + o.metric() + " twice; list each metric once");
      }
    }
    if (all.size() > 1) {
      throw new IllegalArgumentException(
          "objectives lists " + all.size() + " metrics; a study ranks by one objective");
    }
  }

  public static Objectives of(Objective... objectives) {
    return new Objectives(List.of(objectives));
  }

  /** The first objective: it chooses the epoch a trial is judged at. */
  public Objective primary() {
    return all.get(0);
  }

  public int size() {
    return all.size();
  }

  /**
   * The result judged: the epoch the primary objective chooses, each objective's value there, and
   * test accuracy there. A succeeded or stopped trial that never reported the primary metric
   * becomes FAILED, saying which tags it did report. Others come back as they are.
   */
  public TrialResult evaluate(TrialResult r) {
    if (r.status() != TrialStatus.SUCCEEDED && r.status() != TrialStatus.STOPPED) {
      return r;
    }
    Objective primary = primary();
    Optional<EpochRecord> chosen = primary.choose(r.history());
    if (chosen.isEmpty()) {
      List<String> tags = r.reportedTags();
      return r.failedWith(
          "the trainer never reported "
              + primary.metric()
              + ", the objective's metric; it reported "
              + (tags.isEmpty() ? "no metrics" : String.join(", ", tags)));
    }
    EpochRecord e = chosen.get();
    Map<String, Double> values = new LinkedHashMap<>();
    for (Objective o : all) {
      values.put(o.metric(), e.metric(o.metric()));
    }
    return r.withJudgement(new Judgement(values, e.epoch(), e.metric(EpochRecord.TEST_ACCURACY)));
  }

  /**
   * Best first among judged values (metric to value): by the objective's value. Equal values
   * compare equal; callers break ties their own way (a rung by trial id, the leaderboard by final
   * test accuracy first). {@code population} is every value map that will be compared.
   */
  public Comparator<Map<String, Double>> valueOrder(Collection<Map<String, Double>> population) {
    Objective o = primary();
    Comparator<Map<String, Double>> byValue =
        Comparator.comparingDouble(v -> v.getOrDefault(o.metric(), Double.NaN));
    return o.maximize() ? byValue.reversed() : byValue;
  }

  /** {@link #valueOrder} over judged results; {@code population} is every result compared. */
  public Comparator<TrialResult> order(Collection<TrialResult> population) {
    Comparator<Map<String, Double>> values =
        valueOrder(population.stream().map(r -> r.judgement().values()).toList());
    return Comparator.comparing(r -> r.judgement().values(), values);
  }
}
