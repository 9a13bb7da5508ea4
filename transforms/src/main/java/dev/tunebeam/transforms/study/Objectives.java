package dev.tunebeam.transforms.study;

import dev.tunebeam.trainer.report.EpochRecord;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a study optimises: one or more {@link Objective}s. The first one's measurement picks the one
 * epoch a trial is judged at and every objective is read there, as Vertex AI's study-wide
 * measurement selection does (so the later ones share its measurement). It judges a result ({@link
 * #evaluate}: one {@link Judgement}) and owns the one order of judged results ({@link #order}) that
 * the leaderboard, a schedule's rungs and repeated points all rank by, so the three can never
 * disagree: by the value for one objective; for several, as NSGA-II does, by non-dominated front,
 * then by crowding distance (a front's ends and its lonely points first), then by the first
 * objective.
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
    check("objectives", all);
  }

  /**
   * Each metric once, and one measurement, the first's: every objective is read at the one epoch it
   * chooses. {@code field} names the input in errors (the space's key, a flag).
   */
  static void check(String field, List<Objective> all) {
    Set<String> seen = new HashSet<>();
    Objective first = all.get(0);
    for (Objective o : all) {
      if (!seen.add(o.metric())) {
        throw new IllegalArgumentException(
            field + " lists metric " + o.metric() + " twice; list each metric once");
      }
      if (o.measurement() != first.measurement()) {
        throw new IllegalArgumentException(
            field
                + ": "
                + o.metric()
                + " has measurement "
                + o.measurement().name().toLowerCase(Locale.ROOT)
                + " but "
                + first.metric()
                + " has "
                + first.measurement().name().toLowerCase(Locale.ROOT)
                + "; every objective is read at the one epoch the first objective's measurement"
                + " chooses, so give the measurement once, on the first");
      }
    }
  }

  public static Objectives of(Objective... objectives) {
    return new Objectives(List.of(objectives));
  }

  /**
   * From a flag's text: {@code val_accuracy:max,train_seconds:min}, each objective {@code
   * metric[:goal[:measurement]]} (goal {@code max}, {@code min}, {@code maximize} or {@code
   * minimize}). A missing goal is maximize; a missing measurement is {@code measurement}, the
   * first's for later ones. {@code field} names the flag in errors.
   */
  public static Objectives parse(String field, String text, Objective.Measurement measurement) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(
          field + " is empty; name a metric, as in val_accuracy:max,train_seconds:min");
    }
    List<Objective> all = new ArrayList<>();
    for (String item : text.split(",", -1)) {
      String[] parts = item.trim().split(":", -1);
      if (item.isBlank() || parts.length > 3) {
        throw new IllegalArgumentException(
            field
                + " "
                + text
                + " is not allowed; give metric[:goal[:measurement]] for each objective,"
                + " separated by commas, as in val_accuracy:max,train_seconds:min");
      }
      String metric = Objective.checkMetric(field, parts[0].trim());
      Objective.Goal goal =
          parts.length > 1
              ? Objective.parseGoal(field + " goal", parts[1])
              : Objective.Goal.MAXIMIZE;
      Objective.Measurement m =
          parts.length > 2
              ? Objective.parseMeasurement(field + " measurement", parts[2])
              : all.isEmpty() ? measurement : all.get(0).measurement();
      all.add(new Objective(metric, goal, m));
    }
    check(field, all);
    return new Objectives(all);
  }

  /** The first objective: it chooses the epoch a trial is judged at. */
  public Objective primary() {
    return all.get(0);
  }

  public int size() {
    return all.size();
  }

  /** Several objectives: ranked by Pareto front. */
  public boolean several() {
    return all.size() > 1;
  }

  /** {@code val_accuracy, train_seconds}: the metrics, in order. */
  public List<String> metrics() {
    return all.stream().map(Objective::metric).toList();
  }

  /** {@code best val_accuracy (maximize), train_seconds (minimize)}, for titles and logs. */
  public String describe() {
    StringBuilder s = new StringBuilder(primary().describe());
    for (Objective o : all.subList(1, all.size())) {
      s.append(", ")
          .append(o.metric())
          .append(" (")
          .append(o.goal().name().toLowerCase(Locale.ROOT))
          .append(")");
    }
    return s.toString();
  }

  /**
   * The result judged: the epoch the primary objective chooses, each objective's value there, and
   * test accuracy there. A succeeded or stopped trial that never reported the primary metric, or
   * lacks another objective's metric at that epoch, or whose value there is NaN or infinite (no
   * measurement, never ranked), becomes FAILED, saying why. Others come back as they are.
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
      if (!e.has(o.metric())) {
        return r.failedWith(missing(r, o.metric(), e.epoch()));
      }
      double v = e.metric(o.metric());
      if (!Double.isFinite(v)) {
        return r.failedWith(notFinite(o, v, e.epoch()));
      }
      values.put(o.metric(), v);
    }
    return r.withJudgement(new Judgement(values, e.epoch(), e.metric(EpochRecord.TEST_ACCURACY)));
  }

  /**
   * Why a trial whose objective value is NaN or infinite is not ranked: such a value is no
   * measurement (a diverged model, a division by zero), and ranked it would sort first or nowhere.
   */
  private String notFinite(Objective o, double v, int epoch) {
    String value = Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
    String where;
    if (!o.metric().equals(primary().metric())) {
      where = ", the epoch " + primary().metric() + " chose";
    } else if (o.measurement() == Objective.Measurement.BEST) {
      where = ", and no finite value at any epoch";
    } else {
      where = ", its last report of it";
    }
    return "the trainer reported "
        + o.metric()
        + " "
        + value
        + " at epoch "
        + epoch
        + where
        + "; an objective's value must be a finite number to rank the trial"
        + " (a diverged trainer should exit non-zero)";
  }

  /** Why a trial cannot be judged on {@code metric}, which epoch {@code epoch} did not report. */
  private String missing(TrialResult r, String metric, int epoch) {
    boolean anywhere = r.history().stream().anyMatch(h -> h.has(metric));
    return anywhere
        ? "the trainer did not report "
            + metric
            + " at epoch "
            + epoch
            + ", the epoch "
            + primary().metric()
            + " chose; report every objective's metric at every epoch"
        : "the trainer never reported "
            + metric
            + ", an objective's metric; it reported "
            + String.join(", ", r.reportedTags());
  }

  /**
   * Best first among judged values (metric to value). One objective: by its value. Several: by
   * non-dominated front among the finite value maps of {@code population}, then by crowding
   * distance (larger first), then by the first objective's value. Equal values compare equal;
   * callers break ties their own way (a rung by trial id, the leaderboard by final test accuracy
   * first). {@code population} is every value map that will be compared.
   */
  public Comparator<Map<String, Double>> valueOrder(Collection<Map<String, Double>> population) {
    Objective o = primary();
    Comparator<Map<String, Double>> byValue =
        Comparator.comparingDouble(v -> v.getOrDefault(o.metric(), Double.NaN));
    byValue = o.maximize() ? byValue.reversed() : byValue;
    if (!several()) {
      return byValue;
    }
    Map<List<Double>, double[]> ranks = paretoRanks(population);
    double[] none = {Integer.MAX_VALUE, 0};
    Comparator<Map<String, Double>> byFront =
        Comparator.comparingDouble(v -> ranks.getOrDefault(minimised(v), none)[0]);
    Comparator<Map<String, Double>> byCrowding =
        Comparator.comparingDouble(v -> ranks.getOrDefault(minimised(v), none)[1]);
    return byFront.thenComparing(byCrowding.reversed()).thenComparing(byValue);
  }

  /**
   * The non-dominated front (from 1) of each value map of {@code population}, in its order; 0 for
   * one with a value missing or not finite. With one objective, the rank among distinct values.
   */
  public int[] fronts(List<Map<String, Double>> population) {
    Map<List<Double>, double[]> ranks = paretoRanks(population);
    int[] out = new int[population.size()];
    for (int i = 0; i < out.length; i++) {
      double[] r = ranks.get(minimised(population.get(i)));
      out[i] = r == null ? 0 : (int) r[0];
    }
    return out;
  }

  /**
   * Front and crowding distance of each distinct finite point, keyed by its minimised coordinates.
   * The points are sorted first, so neither depends on the order results arrived in.
   */
  private Map<List<Double>, double[]> paretoRanks(Collection<Map<String, Double>> population) {
    TreeSet<List<Double>> distinct = new TreeSet<>(Objectives::lexicographic);
    for (Map<String, Double> v : population) {
      List<Double> p = minimised(v);
      if (p.stream().allMatch(Double::isFinite)) {
        distinct.add(p);
      }
    }
    List<List<Double>> keys = new ArrayList<>(distinct);
    List<double[]> points =
        keys.stream().map(k -> k.stream().mapToDouble(Double::doubleValue).toArray()).toList();
    int[] fronts = ParetoFronts.fronts(points);
    double[] crowding = ParetoFronts.crowding(points, fronts);
    Map<List<Double>, double[]> ranks = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      ranks.put(keys.get(i), new double[] {fronts[i], crowding[i]});
    }
    return ranks;
  }

  /** The values in objective order, each negated where maximised: every coordinate minimised. */
  public List<Double> minimised(Map<String, Double> values) {
    List<Double> p = new ArrayList<>(all.size());
    for (Objective o : all) {
      double v = values.getOrDefault(o.metric(), Double.NaN);
      // + 0.0 turns -0.0 into 0.0, so a negated zero is the same key as a zero.
      p.add((o.maximize() ? -v : v) + 0.0);
    }
    return p;
  }

  private static int lexicographic(List<Double> a, List<Double> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = Double.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** {@link #valueOrder} over judged results; {@code population} is every result compared. */
  public Comparator<TrialResult> order(Collection<TrialResult> population) {
    Comparator<Map<String, Double>> values =
        valueOrder(population.stream().map(r -> r.judgement().values()).toList());
    return Comparator.comparing(r -> r.judgement().values(), values);
  }
}
