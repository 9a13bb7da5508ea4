package dev.tunebeam.transforms.search.tpe;

import java.util.Arrays;
import org.apache.commons.math3.distribution.EnumeratedIntegerDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A mixture of truncated Gaussians on {@code [low, high]}, one per observation plus a wide prior,
 * as Optuna's TPE builds it: each kernel's width is the larger gap to its sorted neighbours (the
 * ends' to their inner neighbour only), clipped to {@code [(high - low) / min(100, n + 1), high -
 * low]}; the prior sits at the middle with width {@code high - low} and weight 1. Values are in the
 * estimator's space: the log of the value for a log-scaled parameter.
 */
final class ParzenEstimator {
  private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

  private final double low;
  private final double high;
  private final double[] mus;
  private final double[] sigmas;
  private final double[] weights;

  ParzenEstimator(double[] observations, double[] observationWeights, double low, double high) {
    this.low = low;
    this.high = high;
    int n = observations.length;
    mus = Arrays.copyOf(observations, n + 1);
    sigmas = new double[n + 1];
    weights = Arrays.copyOf(observationWeights, n + 1);
    mus[n] = 0.5 * (low + high);
    weights[n] = 1.0;
    double range = high - low;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(observations[a], observations[b]));
    double minSigma = range / Math.min(100.0, n + 1.0);
    for (int k = 0; k < n; k++) {
      double left = k == 0 ? low : observations[order[k - 1]];
      double right = k == n - 1 ? high : observations[order[k + 1]];
      double x = observations[order[k]];
      double sigma;
      if (n >= 2 && k == 0) {
        sigma = right - x;
      } else if (n >= 2 && k == n - 1) {
        sigma = x - left;
      } else {
        sigma = Math.max(x - left, right - x);
      }
      sigmas[order[k]] = Math.max(minSigma, Math.min(range, sigma));
    }
    sigmas[n] = range;
    double total = Arrays.stream(weights).sum();
    for (int i = 0; i <= n; i++) {
      weights[i] /= total;
    }
  }

  /**
   * One draw: a kernel chosen by weight, then a value from its truncated Gaussian by inverse CDF.
   */
  double sample(RandomGenerator rng) {
    int[] index = new int[mus.length];
    for (int i = 0; i < index.length; i++) {
      index[i] = i;
    }
    int k = new EnumeratedIntegerDistribution(rng, index, weights).sample();
    double a = STANDARD.cumulativeProbability((low - mus[k]) / sigmas[k]);
    double b = STANDARD.cumulativeProbability((high - mus[k]) / sigmas[k]);
    double u = a + rng.nextDouble() * (b - a);
    double x =
        mus[k]
            + sigmas[k]
                * STANDARD.inverseCumulativeProbability(Math.min(Math.max(u, 1e-300), 1 - 1e-16));
    return Math.max(low, Math.min(high, x));
  }

  /** The mixture's log density at {@code x} (log-sum-exp over the kernels). */
  double logDensity(double x) {
    double[] terms = new double[mus.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < mus.length; i++) {
      double mass =
          STANDARD.cumulativeProbability((high - mus[i]) / sigmas[i])
              - STANDARD.cumulativeProbability((low - mus[i]) / sigmas[i]);
      terms[i] =
          Math.log(weights[i])
              + STANDARD.logDensity((x - mus[i]) / sigmas[i])
              - Math.log(sigmas[i])
              - Math.log(Math.max(mass, 1e-300));
      max = Math.max(max, terms[i]);
    }
    double sum = 0;
    for (double t : terms) {
      sum += Math.exp(t - max);
    }
    return max + Math.log(sum);
  }
}
