package dev.tunebeam.transforms.search.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.MultivariateNormalDistribution;
import org.junit.jupiter.api.Test;

/** The posterior: it interpolates noise-free data, reverts to the prior, and its likelihood. */
class GaussianProcessTest {
  private static final double[][] X = {
    {0.1, 0.9}, {0.3, 0.2}, {0.55, 0.5}, {0.8, 0.7}, {0.95, 0.1}
  };
  private static final double[] Y = {0.3, -1.2, 0.8, 1.5, -0.4};
  private static final Matern52 KERNEL = new Matern52(new double[] {6, 3}, new boolean[2], 1.3);

  @Test
  void interpolatesNoiseFreeData() {
    GaussianProcess gp = new GaussianProcess(KERNEL, 1e-10, X, Y);
    for (int i = 0; i < X.length; i++) {
      GaussianProcess.Prediction p = gp.predict(X[i]);
      assertEquals(Y[i], p.mean(), 1e-6, "mean at point " + i);
      assertEquals(0, p.variance(), 1e-6, "variance at point " + i);
    }
    GaussianProcess.Prediction between = gp.predict(new double[] {0.45, 0.35});
    assertTrue(between.variance() > 0.01, "variance between points " + between.variance());
  }

  @Test
  void revertsToThePriorFarFromTheData() {
    GaussianProcess gp = new GaussianProcess(KERNEL, 1e-6, X, Y);
    GaussianProcess.Prediction far = gp.predict(new double[] {40, -40});
    assertEquals(0, far.mean(), 1e-12);
    assertEquals(1.3, far.variance(), 1e-12);
  }

  @Test
  void logMarginalLikelihoodIsTheGaussianDensityOfTheData() {
    double noise = 0.05;
    double[][] cov = KERNEL.gram(X, noise).getData();
    double expected =
        Math.log(new MultivariateNormalDistribution(new double[X.length], cov).density(Y));
    assertEquals(expected, new GaussianProcess(KERNEL, noise, X, Y).logMarginalLikelihood(), 1e-10);
  }

  @Test
  void aBelievedPointKeepsItsPredictionAndLosesItsUncertainty() {
    GaussianProcess gp = new GaussianProcess(KERNEL, 1e-6, X, Y);
    double[] pending = {0.45, 0.35};
    GaussianProcess.Prediction before = gp.predict(pending);
    GaussianProcess believed = gp.with(new double[][] {pending}, new double[] {before.mean()});
    GaussianProcess.Prediction after = believed.predict(pending);
    assertEquals(before.mean(), after.mean(), 1e-6);
    assertTrue(after.variance() < 1e-5, "variance " + after.variance());
  }
}
