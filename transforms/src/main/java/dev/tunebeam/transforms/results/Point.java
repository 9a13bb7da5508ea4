package dev.tunebeam.transforms.results;

import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.TrialResult;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One point of a search space trained with several seeds ({@code repeats}): its trials, and the
 * mean and sample standard deviation of each objective's value and of test accuracy at each trial's
 * chosen epoch, over its trials that succeeded. A point's identity is its parameters without {@code
 * seed}. Points are ranked by their means, in the objectives' order (with several objectives, by
 * the Pareto front of the means).
 */
record Point(
    Map<String, String> parameters,
    List<TrialResult> trials,
    Map<String, Double> means,
    Map<String, Double> stds,
    double meanTest,
    double stdTest)
    implements Serializable {
  private static final long serialVersionUID = 2L;
  public static final String SEED = "seed";

  /** The parameters that name a point: all but the seed. */
  static Map<String, String> key(TrialResult r) {
    Map<String, String> key = new TreeMap<>(r.trial().parameters());
    key.remove(SEED);
    return key;
  }

  /** Points in first-seen order of {@code results}. */
  static List<Point> of(List<TrialResult> results) {
    Map<Map<String, String>, List<TrialResult>> groups = new LinkedHashMap<>();
    for (TrialResult r : results) {
      groups.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r);
    }
    List<Point> points = new ArrayList<>();
    groups.forEach(
        (k, trials) -> {
          List<TrialResult> ok =
              trials.stream()
                  .filter(t -> t.succeeded() && Double.isFinite(t.objectiveValue()))
                  .toList();
          Map<String, Double> means = new LinkedHashMap<>();
          Map<String, Double> stds = new LinkedHashMap<>();
          if (!ok.isEmpty()) {
            for (String metric : ok.get(0).judgement().values().keySet()) {
              double[] v = ok.stream().mapToDouble(t -> t.judgement().value(metric)).toArray();
              means.put(metric, mean(v));
              stds.put(metric, std(v));
            }
          }
          double[] test =
              ok.stream()
                  .mapToDouble(TrialResult::testAccuracyAtChosen)
                  .filter(Double::isFinite)
                  .toArray();
          points.add(
              new Point(
                  k,
                  List.copyOf(trials),
                  Collections.unmodifiableMap(means),
                  Collections.unmodifiableMap(stds),
                  mean(test),
                  std(test)));
        });
    return points;
  }

  /** The first objective's mean; NaN when no trial of the point succeeded. */
  public double meanObjective() {
    return means.isEmpty() ? Double.NaN : means.values().iterator().next();
  }

  /** The first objective's standard deviation; NaN for fewer than two successful trials. */
  public double stdObjective() {
    return stds.isEmpty() ? Double.NaN : stds.values().iterator().next();
  }

  /** The metric's mean over the point's successful trials; NaN when there is none. */
  public double mean(String metric) {
    return means.getOrDefault(metric, Double.NaN);
  }

  /** The metric's sample standard deviation; NaN for fewer than two successful trials. */
  public double std(String metric) {
    return stds.getOrDefault(metric, Double.NaN);
  }

  /**
   * Best mean first, in the objectives' order; points with no successful trial last. {@code points}
   * is every point compared.
   */
  static Comparator<Point> order(Objectives objectives, List<Point> points) {
    Comparator<Map<String, Double>> byMeans =
        objectives.valueOrder(points.stream().map(Point::means).toList());
    return Comparator.<Point>comparingInt(p -> Double.isNaN(p.meanObjective()) ? 1 : 0)
        .thenComparing(Point::means, byMeans);
  }

  static double mean(double[] v) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (double x : v) {
      sum += x;
    }
    return sum / v.length;
  }

  /** Sample standard deviation (n - 1); NaN for fewer than two values. */
  static double std(double[] v) {
    if (v.length < 2) {
      return Double.NaN;
    }
    double m = mean(v);
    double sq = 0;
    for (double x : v) {
      sq += (x - m) * (x - m);
    }
    return Math.sqrt(sq / (v.length - 1));
  }
}
