package dev.tunebeam.transforms.study;

import dev.tunebeam.trainer.cli.EnumChoice;
import dev.tunebeam.trainer.report.EpochRecord;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a study optimises, as Vertex AI's {@code MetricSpec} has it: a metric tag the trainer
 * reports each epoch, a goal, and a measurement that picks the epoch a trial is judged at (its best
 * epoch by the metric, or its last). The default is the built-in trainer's validation accuracy,
 * maximised, at the best epoch.
 */
public record Objective(String metric, Goal goal, Measurement measurement) implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final Objective DEFAULT =
      new Objective(EpochRecord.VAL_ACCURACY, Goal.MAXIMIZE, Measurement.BEST);

  public enum Goal {
    MAXIMIZE,
    MINIMIZE
  }

  public enum Measurement {
    BEST,
    LAST
  }

  public Objective {
    checkMetric("objective metric", metric);
    if (goal == null || measurement == null) {
      throw new IllegalArgumentException(
          "objective "
              + metric
              + " needs a goal (maximize, minimize) and a measurement (best, last)");
    }
  }

  /** From text, as in a search space; a null part takes the default's. */
  public static Objective parse(String metric, String goal, String measurement) {
    return new Objective(
        metric == null ? DEFAULT.metric : checkMetric("objective metric", metric.trim()),
        goal == null ? DEFAULT.goal : parseGoal("objective goal", goal),
        measurement == null
            ? DEFAULT.measurement
            : parseMeasurement("objective measurement", measurement));
  }

  /** {@code field} names the input in errors (a space's key, a flag). */
  public static String checkMetric(String field, String metric) {
    if (metric == null || !metric.matches("[A-Za-z][A-Za-z0-9_./-]{0,127}")) {
      throw new IllegalArgumentException(
          field
              + " "
              + metric
              + " is not allowed; use a metric tag the trainer reports, such as val_accuracy (letters, digits, '_', '.', '/', '-')");
    }
    return metric;
  }

  /** {@code maximize} or {@code minimize}, also written {@code max} and {@code min}. */
  public static Goal parseGoal(String field, String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("max")) {
      return Goal.MAXIMIZE;
    }
    if (v.equals("min")) {
      return Goal.MINIMIZE;
    }
    return EnumChoice.parse(Goal.class, field, value, "is not supported");
  }

  public static Measurement parseMeasurement(String field, String value) {
    return EnumChoice.parse(Measurement.class, field, value, "is not supported");
  }

  public boolean maximize() {
    return goal == Goal.MAXIMIZE;
  }

  /** Ranking on a test-set metric means the reported test accuracy is not an unbiased estimate. */
  public boolean usesTestSet() {
    return metric.startsWith("test_");
  }

  /**
   * The objective a study without a validation split falls back to: validation accuracy becomes
   * test accuracy (the seed's behaviour, which the outputs then state in words); others stay.
   */
  public Objective withoutValidation() {
    return metric.equals(EpochRecord.VAL_ACCURACY)
        ? new Objective(EpochRecord.TEST_ACCURACY, goal, measurement)
        : this;
  }

  /** {@code best_val_accuracy}: the leaderboard's column for the objective's value. */
  public String column() {
    return measurement.name().toLowerCase(Locale.ROOT) + "_" + metric;
  }

  /** {@code best val_accuracy (maximize)}, for titles and axis labels. */
  public String describe() {
    return measurement.name().toLowerCase(Locale.ROOT)
        + " "
        + metric
        + " ("
        + goal.name().toLowerCase(Locale.ROOT)
        + ")";
  }

  /** The result's value as judged by this objective (set by {@link #evaluate}); NaN before. */
  public double of(TrialResult r) {
    return r.judgement().value(metric);
  }

  /** True when {@code a} is strictly better than {@code b}; NaN is never better. */
  public boolean better(double a, double b) {
    if (Double.isNaN(a)) {
      return false;
    }
    return Double.isNaN(b) || (maximize() ? a > b : a < b);
  }

  /**
   * The epoch a trial is judged at: the best one by the metric (the earliest of equals) or the last
   * that reported it. NaN and the infinities are not measurements: "best" picks among the finite
   * values, and only when there is none the last epoch that reported the metric (whose value then
   * fails the trial, {@link Objectives#evaluate}). Empty when no epoch reported the metric.
   */
  public Optional<EpochRecord> choose(List<EpochRecord> history) {
    EpochRecord chosen = null;
    for (EpochRecord e : history) {
      if (e.has(metric) && isBetterChoice(e, chosen)) {
        chosen = e;
      }
    }
    return Optional.ofNullable(chosen);
  }

  /**
   * The value {@link #choose} would read after each epoch of {@code history} (NaN before the metric
   * was first reported), in one pass: a report of 237,177 steps is judged as often.
   */
  public double[] valuesSoFar(List<EpochRecord> history) {
    double[] out = new double[history.size()];
    EpochRecord chosen = null;
    for (int i = 0; i < out.length; i++) {
      EpochRecord e = history.get(i);
      if (e.has(metric) && isBetterChoice(e, chosen)) {
        chosen = e;
      }
      out[i] = chosen == null ? Double.NaN : chosen.metric(metric);
    }
    return out;
  }

  /** Whether {@code e}, which reported the metric, replaces {@code chosen} as the judged epoch. */
  private boolean isBetterChoice(EpochRecord e, EpochRecord chosen) {
    if (chosen == null || measurement == Measurement.LAST) {
      return true;
    }
    double v = e.metric(metric);
    double c = chosen.metric(metric);
    if (!Double.isFinite(c)) {
      // Nothing finite yet: a finite value wins, a later non-finite one stands in as the last.
      return true;
    }
    return Double.isFinite(v) && better(v, c);
  }

  /** The result judged by this objective alone ({@link Objectives#evaluate}). */
  public TrialResult evaluate(TrialResult r) {
    return Objectives.of(this).evaluate(r);
  }
}
