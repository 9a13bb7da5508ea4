package dev.tunebeam.transforms.search.gp;

import java.util.Arrays;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * The kernel's hyperparameters (an inverse squared length scale per input, the amplitude, the noise
 * variance) chosen by maximising the log marginal likelihood plus a log prior (a MAP estimate),
 * with BOBYQA (commons-math's bounded derivative-free optimiser) over their logarithms.
 *
 * <p>The priors: Gamma(3, 6) on each length scale (BoTorch's long-standing default for its
 * single-task GP, which Ax fits: most of its mass between 0.1 and 1 of the unit cube's width, so 10
 * to 30 observations cannot send a length scale to an end of its range), Gamma(2, 1) on the
 * amplitude (outputs are standardised) and Gamma(1.1, 30) on the noise (small unless the data
 * insist), the last two as Optuna's {@code GPSampler} has them. Gamma(3, 6) rather than Optuna's
 * length-scale prior (largest at length scale 1) because it found Hartmann-6's narrow optimum more
 * often at the same Branin figures (docs/search.md has the measurements). Bounds: {@code w} in
 * {@code [1e-4, 1e4]}, amplitude in {@code [1e-3, 1e3]}, noise in {@code [1e-6, 1]}; the noise
 * floor keeps the covariance factorable when points repeat.
 */
final class HyperparameterFit {
  static final double MIN_NOISE = 1e-6;
  private static final double LOG_W = Math.log(1e4);
  private static final double LOG_AMPLITUDE = Math.log(1e3);

  private HyperparameterFit() {}

  /** The fitted process for standardised {@code y}. */
  public static GaussianProcess fit(double[][] x, double[] y, boolean[] categorical) {
    int d = categorical.length;
    // Start: length scale 1, amplitude 1, noise 0.01.
    double[] start = new double[d + 2];
    start[d + 1] = Math.log(1e-2);
    return fit(x, y, categorical, start);
  }

  static GaussianProcess fit(double[][] x, double[] y, boolean[] categorical, double[] start) {
    int d = categorical.length;
    double[] lower = new double[d + 2];
    double[] upper = new double[d + 2];
    Arrays.fill(lower, 0, d, -LOG_W);
    Arrays.fill(upper, 0, d, LOG_W);
    lower[d] = -LOG_AMPLITUDE;
    upper[d] = LOG_AMPLITUDE;
    lower[d + 1] = Math.log(MIN_NOISE);
    upper[d + 1] = 0;
    BestSeen best = new BestSeen();
    try {
      new BOBYQAOptimizer(2 * (d + 2) + 1, 0.5, 1e-4)
          .optimize(
              new MaxEval(300 * (d + 2)),
              new ObjectiveFunction(p -> best.offer(p, logPosterior(x, y, categorical, p))),
              GoalType.MAXIMIZE,
              new InitialGuess(start),
              new SimpleBounds(lower, upper));
    } catch (org.apache.commons.math3.exception.TooManyEvaluationsException e) {
      // The best point seen so far is kept below: a fit cut short is still a fit.
    }
    return process(x, y, categorical, best.point() == null ? start : best.point());
  }

  /** The log marginal likelihood plus the log prior at log-hyperparameters {@code p}. */
  static double logPosterior(double[][] x, double[] y, boolean[] categorical, double[] p) {
    try {
      GaussianProcess gp = process(x, y, categorical, p);
      return gp.logMarginalLikelihood() + logPrior(p, categorical.length);
    } catch (NonPositiveDefiniteMatrixException e) {
      return -1e30;
    }
  }

  static double logPrior(double[] p, int d) {
    double s = 0;
    for (int i = 0; i < d; i++) {
      // Gamma(3, 6) on the length scale l = 1 / sqrt(w), whose log is -p / 2.
      double logL = -0.5 * p[i];
      s += 2 * logL - 6 * Math.exp(logL);
    }
    double amplitude = Math.exp(p[d]);
    double noise = Math.exp(p[d + 1]);
    // Gamma(k, rate) log densities without their constants: (k - 1) log v - rate v.
    return s + (Math.log(amplitude) - amplitude) + (0.1 * Math.log(noise) - 30 * noise);
  }

  static GaussianProcess process(double[][] x, double[] y, boolean[] categorical, double[] p) {
    int d = categorical.length;
    double[] w = new double[d];
    for (int i = 0; i < d; i++) {
      w[i] = Math.exp(p[i]);
    }
    return new GaussianProcess(
        new Matern52(w, categorical, Math.exp(p[d])), Math.exp(p[d + 1]), x, y);
  }
}
