package dev.tunebeam.transforms.results;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One point of a search space trained with several seeds ({@code repeats}): its trials, and the
 * mean and sample standard deviation of the objective and of test accuracy at each trial's chosen
 * epoch, over its trials that succeeded. A point's identity is its parameters without {@code seed}.
 */
public record Point(
    Map<String, String> parameters,
    List<TrialResult> trials,
    double meanObjective,
    double stdObjective,
    double meanTest,
    double stdTest)
    implements Serializable {
  private static final long serialVersionUID = 1L;
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
          double[] objective = ok.stream().mapToDouble(TrialResult::objectiveValue).toArray();
          double[] test =
              ok.stream()
                  .mapToDouble(TrialResult::testAccuracyAtChosen)
                  .filter(Double::isFinite)
                  .toArray();
          points.add(
              new Point(
                  k, List.copyOf(trials), mean(objective), std(objective), mean(test), std(test)));
        });
    return points;
  }

  /**
   * Best mean first, in the objectives' order; points with no successful trial last. {@code points}
   * is every point compared.
   */
  static Comparator<Point> order(Objectives objectives, List<Point> points) {
    String metric = objectives.primary().metric();
    Comparator<Map<String, Double>> byMeans =
        objectives.valueOrder(points.stream().map(p -> p.means(metric)).toList());
    return Comparator.<Point>comparingInt(p -> Double.isNaN(p.meanObjective) ? 1 : 0)
        .thenComparing(p -> p.means(metric), byMeans);
  }

  /** The mean values as the objectives compare them. */
  private Map<String, Double> means(String metric) {
    return Map.of(metric, meanObjective);
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
