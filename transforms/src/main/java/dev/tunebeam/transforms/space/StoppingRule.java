package dev.tunebeam.transforms.space;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.annotations.Internal;

/**
 * A study's early-stopping rule ({@code stopping:} in a search-space file): which trials stop at
 * which epochs, as Optuna's pruners, Ray Tune's stopping rules and Vertex AI's automated stopping
 * decide it. {@code at} lists the epochs a decision is taken at (empty: every epoch below
 * num_epochs); no trial stops at an epoch below {@code graceEpochs}. {@code percentile} is the
 * share of trials kept (Optuna's {@code PercentilePruner}: 25 keeps the best quarter; the median
 * rule is 50); {@code min} and {@code max} bound the objective's value for the threshold rule (NaN
 * when not given). What the rule decides is {@code search.stopping.StoppingRules}'.
 */
@Internal
public record StoppingRule(
    Kind rule, int graceEpochs, List<Integer> at, double percentile, double min, double max)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The rules, by their key in a file. */
  public enum Kind {
    MEDIAN,
    PERCENTILE,
    THRESHOLD;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public StoppingRule {
    if (rule == null) {
      throw new IllegalArgumentException(
          "stopping.rule is missing; use median, percentile or threshold");
    }
    at = List.copyOf(at);
    if (graceEpochs < 0) {
      throw new IllegalArgumentException(
          "stopping.grace_epochs " + graceEpochs + " is negative; use 0 or more epochs");
    }
    for (int i = 0; i < at.size(); i++) {
      if (at.get(i) < 1 || (i > 0 && at.get(i) <= at.get(i - 1))) {
        throw new IllegalArgumentException(
            "stopping.at "
                + at
                + " must be increasing epochs of at least 1, like [1, 3, 6]; fix "
                + at.get(i));
      }
    }
    if (rule == Kind.PERCENTILE && !(percentile > 0 && percentile < 100)) {
      throw new IllegalArgumentException(
          "stopping.percentile "
              + ruleNumber(percentile)
              + " is not allowed; give the share of trials kept, above 0 and below 100 (25 keeps the"
              + " best quarter)");
    }
    if (rule == Kind.THRESHOLD && Double.isNaN(min) && Double.isNaN(max)) {
      throw new IllegalArgumentException(
          "stopping rule threshold needs min: or max: (the objective's value a trial must stay"
              + " within), or both");
    }
    if (min > max) {
      throw new IllegalArgumentException(
          "stopping.min " + min + " is above stopping.max " + max + "; no trial could continue");
    }
  }

  /** {@code rule: median}: stop a trial worse than the median of the trials at that epoch. */
  public static StoppingRule median(int graceEpochs, List<Integer> at) {
    return new StoppingRule(Kind.MEDIAN, graceEpochs, at, 50, Double.NaN, Double.NaN);
  }

  /** {@code rule: percentile}: keep the best {@code percentile} percent, as Optuna does. */
  public static StoppingRule percentile(double percentile, int graceEpochs, List<Integer> at) {
    return new StoppingRule(Kind.PERCENTILE, graceEpochs, at, percentile, Double.NaN, Double.NaN);
  }

  /**
   * {@code rule: threshold}: stop a trial whose value is below {@code min} or above {@code max}
   * (NaN: no bound).
   */
  public static StoppingRule threshold(double min, double max, int graceEpochs, List<Integer> at) {
    return new StoppingRule(Kind.THRESHOLD, graceEpochs, at, Double.NaN, min, max);
  }

  /**
   * The epochs a decision is taken at, for a study of {@code topEpochs}: {@code at}, or every epoch
   * from max(1, grace_epochs) below the top. Throws, naming {@code stopping.at}, for an epoch a
   * trial never reaches before it ends.
   */
  public List<Integer> epochs(int topEpochs) {
    if (at.isEmpty()) {
      List<Integer> every = new ArrayList<>();
      for (int e = Math.max(1, graceEpochs); e < topEpochs; e++) {
        every.add(e);
      }
      return every;
    }
    int last = at.get(at.size() - 1);
    if (last >= topEpochs) {
      throw new IllegalArgumentException(
          "stopping.at "
              + at
              + " reaches epoch "
              + last
              + ", but trials train "
              + topEpochs
              + " epochs (num_epochs); stop at epochs below "
              + topEpochs);
    }
    return at;
  }

  /** {@code median after epochs [1, 3, 6], grace 1}, for logs and the dry run. */
  public String describe() {
    String what =
        switch (rule) {
          case MEDIAN -> "median";
          case PERCENTILE -> "percentile " + ruleNumber(percentile) + " (best kept)";
          case THRESHOLD ->
              "threshold"
                  + (Double.isNaN(min) ? "" : " min " + ruleNumber(min))
                  + (Double.isNaN(max) ? "" : " max " + ruleNumber(max));
        };
    return what
        + " at epochs "
        + (at.isEmpty() ? "(every epoch)" : at.toString())
        + (graceEpochs > 0 ? ", grace_epochs " + graceEpochs : "");
  }

  private static String ruleNumber(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
