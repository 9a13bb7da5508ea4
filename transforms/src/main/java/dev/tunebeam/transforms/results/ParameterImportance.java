package dev.tunebeam.transforms.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much of the objective's spread each hyperparameter explains: its first-order variance share
 * (the between-group sum of squares of the objective grouped by that parameter's value, over the
 * total sum of squares). This is fANOVA's main effect computed on the trials themselves instead of
 * on a random-forest surrogate: exact for a full grid, where every value of a parameter meets the
 * same mix of the others, and an estimate for random or adaptive searches. Numeric parameters with
 * more than {@value #MAX_GROUPS} distinct values are cut into {@value #MAX_GROUPS} quantile bins,
 * because a group per value would explain noise. Shares are also given normalised to sum to one, as
 * Optuna's importance plot does; the rest of the raw variance is interactions and noise.
 */
final class ParameterImportance {
  static final int MAX_GROUPS = 5;

  record Share(String parameter, double share, double normalized) {}

  private ParameterImportance() {}

  /**
   * Largest first; {@code values.get(p).get(i)} is trial i's value of parameter p, {@code
   * objective.get(i)} its objective.
   */
  static List<Share> of(Map<String, List<String>> values, List<Double> objective) {
    double mean = objective.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double total = objective.stream().mapToDouble(y -> (y - mean) * (y - mean)).sum();
    Map<String, Double> shares = new LinkedHashMap<>();
    values.forEach(
        (p, v) -> shares.put(p, total > 0 ? between(groups(v), objective, mean) / total : 0));
    double sum = shares.values().stream().mapToDouble(Double::doubleValue).sum();
    List<Share> out = new ArrayList<>();
    shares.forEach((p, s) -> out.add(new Share(p, s, sum > 0 ? s / sum : 0)));
    out.sort(Comparator.comparingDouble(Share::share).reversed().thenComparing(Share::parameter));
    return out;
  }

  private static double between(List<String> group, List<Double> objective, double mean) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    for (int i = 0; i < group.size(); i++) {
      double[] s = sums.computeIfAbsent(group.get(i), k -> new double[2]);
      s[0] += objective.get(i);
      s[1]++;
    }
    double ss = 0;
    for (double[] s : sums.values()) {
      double d = s[0] / s[1] - mean;
      ss += s[1] * d * d;
    }
    return ss;
  }

  /**
   * The group of each trial: its value, or its quantile bin for a numeric parameter with many
   * values.
   */
  static List<String> groups(List<String> values) {
    if (values.stream().distinct().count() <= MAX_GROUPS
        || !values.stream().allMatch(ParameterImportance::isNumber)) {
      return values;
    }
    double[] sorted = values.stream().mapToDouble(Double::parseDouble).sorted().toArray();
    double[] edges = new double[MAX_GROUPS - 1];
    for (int b = 1; b < MAX_GROUPS; b++) {
      edges[b - 1] = sorted[(int) Math.floor((double) b * sorted.length / MAX_GROUPS)];
    }
    List<String> bins = new ArrayList<>();
    for (String v : values) {
      double x = Double.parseDouble(v);
      int bin = 0;
      while (bin < edges.length && x >= edges[bin]) {
        bin++;
      }
      bins.add("bin" + bin);
    }
    return bins;
  }

  static boolean isNumber(String s) {
    try {
      return Double.isFinite(Double.parseDouble(s));
    } catch (NumberFormatException | NullPointerException e) {
      return false;
    }
  }
}
