package dev.tunebeam.transforms.search.gp;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * The Matern-5/2 kernel with one length scale per input (automatic relevance determination): {@code
 * k(a, b) = amplitude (1 + r + r^2 / 3) exp(-r)}, {@code r = sqrt(5 sum_i w_i d_i^2)}, where {@code
 * w_i} is the inverse squared length scale of input {@code i} and {@code d_i} the difference of the
 * two points there. A categorical input (its value is the index of its choice) contributes {@code
 * d_i = 1} when the choices differ and 0 when they agree (Optuna's {@code GPSampler} kernel), so
 * its choices are unordered and each categorical input needs one column, not one per choice.
 *
 * <p>Matern-5/2 rather than the squared exponential: its samples are twice differentiable but not
 * infinitely smooth, which suits loss surfaces better (Snoek et al. 2012; the default of BoTorch,
 * Vizier and Optuna).
 */
final class Matern52 {
  private final double[] inverseSquaredLengthScales;
  private final boolean[] categorical;
  private final double amplitude;

  public Matern52(double[] inverseSquaredLengthScales, boolean[] categorical, double amplitude) {
    if (inverseSquaredLengthScales.length != categorical.length) {
      throw new IllegalArgumentException(
          "one length scale per input: "
              + inverseSquaredLengthScales.length
              + " scales for "
              + categorical.length
              + " inputs");
    }
    this.inverseSquaredLengthScales = inverseSquaredLengthScales.clone();
    this.categorical = categorical.clone();
    this.amplitude = amplitude;
  }

  /** The kernel's shape as a function of the scaled squared distance, at amplitude 1. */
  static double shape(double scaledSquaredDistance) {
    double r = Math.sqrt(5 * scaledSquaredDistance);
    return (1 + r + r * r / 3) * Math.exp(-r);
  }

  public double amplitude() {
    return amplitude;
  }

  /** The length scale of input {@code i}: {@code 1 / sqrt(w_i)}. */
  public double lengthScale(int i) {
    return 1 / Math.sqrt(inverseSquaredLengthScales[i]);
  }

  public int inputs() {
    return categorical.length;
  }

  public double at(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double d = categorical[i] ? (a[i] == b[i] ? 0 : 1) : a[i] - b[i];
      s += inverseSquaredLengthScales[i] * d * d;
    }
    return amplitude * shape(s);
  }

  /** The covariance matrix of {@code x} with {@code noise} added on the diagonal. */
  RealMatrix gram(double[][] x, double noise) {
    int n = x.length;
    double[][] k = new double[n][n];
    for (int i = 0; i < n; i++) {
      k[i][i] = amplitude + noise;
      for (int j = 0; j < i; j++) {
        k[i][j] = at(x[i], x[j]);
        k[j][i] = k[i][j];
      }
    }
    return new Array2DRowRealMatrix(k, false);
  }

  /** The covariances of {@code p} with each row of {@code x}. */
  RealVector column(double[][] x, double[] p) {
    double[] c = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      c[i] = at(x[i], p);
    }
    return new ArrayRealVector(c, false);
  }
}
