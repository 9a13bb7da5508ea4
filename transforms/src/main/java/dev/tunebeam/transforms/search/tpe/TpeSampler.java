package dev.tunebeam.transforms.search.tpe;

import dev.tunebeam.transforms.search.Observation;
import dev.tunebeam.transforms.search.Proposer;
import dev.tunebeam.transforms.space.Conditions;
import dev.tunebeam.transforms.space.NumericRange;
import dev.tunebeam.transforms.space.ParameterSpec;
import dev.tunebeam.transforms.space.Scale;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.annotations.Internal;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The Tree-structured Parzen Estimator as Optuna's default {@code TPESampler} runs it (univariate):
 * the finished trials are split into the best {@code gamma(n) = min(ceil(0.1 n), 25)} and the rest;
 * for each active parameter, parents first, a Parzen estimator {@code l} is fitted on the best
 * trials' values and {@code g} on the rest's, 24 candidates are drawn from {@code l}, and the one
 * with the largest {@code log l(x) - log g(x)} is kept. Ranges use truncated Gaussian kernels (in
 * log space for a log scale, integers widened by half a step); categorical and discrete values use
 * weights {@code 1/K} (the prior) plus one per observation. A parameter is fitted only on the
 * trials where it was active. Older observations get Optuna's ramp of weights once there are more
 * than 25. With several objectives the good trials are chosen as Optuna's multi-objective TPE
 * chooses them ({@link MotpeSplit}: by non-dominated front, the last front cut by hypervolume
 * contribution).
 */
@Internal
public final class TpeSampler implements Proposer {
  static final int CANDIDATES = 24;

  private final Conditions conditions;

  public TpeSampler(Conditions conditions) {
    this.conditions = conditions;
  }

  /**
   * Optuna's constant liar: a pending point counts as a trial with the worst result, so the round's
   * next proposal is drawn away from it instead of beside it.
   */
  @Override
  public Map<String, String> propose(
      List<Observation> finished, List<Map<String, String>> pending, RandomGenerator rng) {
    List<Observation> all = new ArrayList<>(finished);
    int objectives = finished.isEmpty() ? 1 : finished.get(0).values().size();
    List<Double> worst = Collections.nCopies(objectives, Double.NEGATIVE_INFINITY);
    pending.forEach(p -> all.add(new Observation(p, worst)));
    return propose(all, rng);
  }

  /**
   * From observations in the order the trials finished, larger is better; {@code
   * Double.NEGATIVE_INFINITY} marks a point proposed but not yet trained.
   */
  public Map<String, String> propose(List<Observation> observations, RandomGenerator rng) {
    // A pending point (the worst value, a constant liar) is never among the good ones.
    int known =
        (int) observations.stream().filter(o -> o.value() > Double.NEGATIVE_INFINITY).count();
    int nBelow = Math.min(Math.min((int) Math.ceil(0.1 * observations.size()), 25), known);
    List<Observation> below;
    List<Observation> above;
    if (observations.stream().anyMatch(o -> o.values().size() > 1)) {
      boolean[] good = MotpeSplit.below(observations, nBelow);
      below = new ArrayList<>();
      above = new ArrayList<>();
      for (int i = 0; i < good.length; i++) {
        (good[i] ? below : above).add(observations.get(i));
      }
    } else {
      List<Observation> ranked = new ArrayList<>(observations);
      ranked.sort(Comparator.comparingDouble(o -> -o.value()));
      below = chronological(observations, ranked.subList(0, nBelow));
      above = chronological(observations, ranked.subList(nBelow, ranked.size()));
    }
    Map<String, String> point = new LinkedHashMap<>();
    for (ParameterSpec p : conditions.parentsFirst()) {
      if (conditions.active(p.name(), point)) {
        point.put(p.name(), choose(p, values(below, p.name()), values(above, p.name()), rng));
      }
    }
    return point;
  }

  private static List<Observation> chronological(List<Observation> all, List<Observation> part) {
    return all.stream().filter(part::contains).toList();
  }

  private static List<String> values(List<Observation> obs, String name) {
    return obs.stream().map(o -> o.point().get(name)).filter(v -> v != null).toList();
  }

  private static String choose(
      ParameterSpec p, List<String> below, List<String> above, RandomGenerator rng) {
    NumericRange r = p.numeric();
    if (r != null) {
      return r.value(numeric(below, above, r.low(), r.high(), r.scale(), r.integer(), rng));
    }
    return categorical(p.gridValues(), below, above, rng);
  }

  private static double numeric(
      List<String> below,
      List<String> above,
      double min,
      double max,
      Scale scale,
      boolean integer,
      RandomGenerator rng) {
    boolean log = scale == Scale.LOG;
    // A log-scaled integer keeps its widened low end positive.
    double lo = log ? Math.log(integer ? Math.max(min, 0.5) : min) : min;
    double hi = log ? Math.log(max) : max;
    ParzenEstimator l =
        new ParzenEstimator(internal(below, log), rampWeights(below.size()), lo, hi);
    ParzenEstimator g =
        new ParzenEstimator(internal(above, log), rampWeights(above.size()), lo, hi);
    double best = Double.NaN;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < CANDIDATES; i++) {
      double x = l.sample(rng);
      double score = l.logDensity(x) - g.logDensity(x);
      if (score > bestScore) {
        bestScore = score;
        best = x;
      }
    }
    return log ? Math.exp(best) : best;
  }

  private static double[] internal(List<String> values, boolean log) {
    return values.stream()
        .mapToDouble(v -> log ? Math.log(Double.parseDouble(v)) : Double.parseDouble(v))
        .toArray();
  }

  private static String categorical(
      List<String> choices, List<String> below, List<String> above, RandomGenerator rng) {
    double[] l = categoryWeights(choices, below);
    double[] g = categoryWeights(choices, above);
    int[] index = new int[choices.size()];
    for (int i = 0; i < index.length; i++) {
      index[i] = i;
    }
    var draw =
        new org.apache.commons.math3.distribution.EnumeratedIntegerDistribution(rng, index, l);
    int best = -1;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < CANDIDATES; i++) {
      int c = draw.sample();
      double score = Math.log(l[c]) - Math.log(g[c]);
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    return choices.get(best);
  }

  private static double[] categoryWeights(List<String> choices, List<String> observed) {
    double[] w = new double[choices.size()];
    java.util.Arrays.fill(w, 1.0 / choices.size());
    double[] ramp = rampWeights(observed.size());
    for (int i = 0; i < observed.size(); i++) {
      int c = choices.indexOf(observed.get(i));
      if (c >= 0) {
        w[c] += ramp[i];
      }
    }
    double total = java.util.Arrays.stream(w).sum();
    for (int i = 0; i < w.length; i++) {
      w[i] /= total;
    }
    return w;
  }

  /**
   * Optuna's default weights: all 1 up to 25 observations, else a ramp from 1/n for the oldest up
   * to 1 for the newest 25.
   */
  static double[] rampWeights(int n) {
    double[] w = new double[n];
    if (n < 25) {
      java.util.Arrays.fill(w, 1.0);
      return w;
    }
    int ramp = n - 25;
    for (int i = 0; i < n; i++) {
      w[i] = i >= ramp ? 1.0 : (ramp == 1 ? 1.0 / n : 1.0 / n + (1.0 - 1.0 / n) * i / (ramp - 1));
    }
    return w;
  }
}
