package dev.tunebeam.transforms.search.gp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/** The MAP fit recovers the length scales of data drawn from a known process. */
class HyperparameterFitTest {
  /** {@code n} points in the unit square and a draw of the process with length scales 0.2 and 5. */
  private static double[][][] draw(int n, long seed) {
    Well19937c rng = new Well19937c(seed);
    double[][] x = new double[n][2];
    for (double[] p : x) {
      p[0] = rng.nextDouble();
      p[1] = rng.nextDouble();
    }
    Matern52 truth = new Matern52(new double[] {1 / 0.04, 1 / 25.0}, new boolean[2], 1.0);
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = rng.nextGaussian();
    }
    RealVector y =
        new CholeskyDecomposition(truth.gram(x, 1e-6))
            .getL()
            .operate(MatrixUtils.createRealVector(z));
    return new double[][][] {x, {y.toArray()}};
  }

  @Test
  void recoversAShortLengthScaleAndALongOne() {
    for (long seed = 1; seed <= 3; seed++) {
      double[][][] d = draw(60, seed);
      Matern52 k = HyperparameterFit.fit(d[0], d[1][0], new boolean[2]).kernel();
      assertTrue(
          k.lengthScale(0) > 0.13 && k.lengthScale(0) < 0.3,
          "seed " + seed + ": first length scale " + k.lengthScale(0) + ", drawn with 0.2");
      assertTrue(
          k.lengthScale(1) > 1,
          "seed " + seed + ": second length scale " + k.lengthScale(1) + ", drawn with 5");
    }
  }

  @Test
  void theFitIsAtLeastAsLikelyAsTheStartAndTheTruth() {
    double[][][] d = draw(40, 7);
    boolean[] numeric = new boolean[2];
    GaussianProcess fitted = HyperparameterFit.fit(d[0], d[1][0], numeric);
    double[] atFit = {
      -2 * Math.log(fitted.kernel().lengthScale(0)),
      -2 * Math.log(fitted.kernel().lengthScale(1)),
      Math.log(fitted.kernel().amplitude()),
      Math.log(fitted.noise())
    };
    double fit = HyperparameterFit.logPosterior(d[0], d[1][0], numeric, atFit);
    double start =
        HyperparameterFit.logPosterior(d[0], d[1][0], numeric, new double[] {0, 0, 0, -4.6});
    double truth =
        HyperparameterFit.logPosterior(
            d[0], d[1][0], numeric, new double[] {Math.log(25), Math.log(0.04), 0, Math.log(1e-6)});
    assertTrue(
        fit >= start && fit >= truth, "fit " + fit + ", start " + start + ", truth " + truth);
  }
}
