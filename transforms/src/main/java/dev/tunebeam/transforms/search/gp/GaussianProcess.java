package dev.tunebeam.transforms.search.gp;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * A Gaussian process conditioned on observations {@code y} at inputs {@code x} (zero prior mean;
 * the caller standardises {@code y}), with Gaussian observation noise of variance {@code noise}.
 * The covariance is factored once by Cholesky (commons-math); the posterior at a point is then mean
 * {@code k*^T K^-1 y} and variance {@code k(p, p) - |L^-1 k*|^2} of the latent function (without
 * the noise, which is what expected improvement asks about). {@code L^-1} is formed once, when the
 * first prediction is asked for: an acquisition search asks for tens of thousands, and a product
 * with a plain matrix is several times faster than a triangular solve through commons-math's
 * element accessors. A sum of squares keeps the variance below the prior's, as the solve does.
 */
final class GaussianProcess {
  private static final double LOG_2PI = Math.log(2 * Math.PI);

  /** The posterior of the latent function at one point. */
  public record Prediction(double mean, double variance) {
    public double sd() {
      return Math.sqrt(variance);
    }
  }

  private final Matern52 kernel;
  private final double noise;
  private final double[][] x;
  private final double[] y;
  private final RealMatrix lower;
  private final RealVector alpha;
  private final double logDetHalf;
  private RealMatrix lowerInverse;

  /**
   * Throws {@link org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException} when the
   * covariance cannot be factored (duplicate inputs with no noise).
   */
  public GaussianProcess(Matern52 kernel, double noise, double[][] x, double[] y) {
    this.kernel = kernel;
    this.noise = noise;
    this.x = x;
    this.y = y;
    CholeskyDecomposition chol = new CholeskyDecomposition(kernel.gram(x, noise), 1e-12, 1e-14);
    this.lower = chol.getL();
    this.alpha = chol.getSolver().solve(new ArrayRealVector(y));
    double h = 0;
    for (int i = 0; i < x.length; i++) {
      h += Math.log(lower.getEntry(i, i));
    }
    this.logDetHalf = h;
  }

  public Matern52 kernel() {
    return kernel;
  }

  public double noise() {
    return noise;
  }

  /** {@code log p(y | x, hyperparameters) = -y^T K^-1 y / 2 - log|K| / 2 - n log(2 pi) / 2}. */
  public double logMarginalLikelihood() {
    return -0.5 * alpha.dotProduct(new ArrayRealVector(y, false))
        - logDetHalf
        - 0.5 * y.length * LOG_2PI;
  }

  public Prediction predict(double[] p) {
    RealVector k = kernel.column(x, p);
    double mean = k.dotProduct(alpha);
    if (lowerInverse == null) {
      lowerInverse = MatrixUtils.inverse(lower);
    }
    double[] w = lowerInverse.operate(k.toArray());
    double squares = 0;
    for (double v : w) {
      squares += v * v;
    }
    return new Prediction(mean, Math.max(kernel.amplitude() - squares, 0));
  }

  /**
   * The same process (hyperparameters kept) with more observations: how a round's pending points
   * are believed at their predicted value (Kriging believer) without refitting.
   */
  public GaussianProcess with(double[][] moreX, double[] moreY) {
    double[][] allX = new double[x.length + moreX.length][];
    double[] allY = new double[y.length + moreY.length];
    System.arraycopy(x, 0, allX, 0, x.length);
    System.arraycopy(moreX, 0, allX, x.length, moreX.length);
    System.arraycopy(y, 0, allY, 0, y.length);
    System.arraycopy(moreY, 0, allY, y.length, moreY.length);
    return new GaussianProcess(kernel, noise, allX, allY);
  }
}
