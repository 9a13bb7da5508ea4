package dev.tunebeam.transforms.search.gp;

import dev.tunebeam.transforms.search.Observation;
import dev.tunebeam.transforms.search.Proposer;
import dev.tunebeam.transforms.space.Conditions;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Bayesian optimisation with a Gaussian process, one proposal at a time ({@code algorithm: gp}'s
 * {@link Proposer}): the finished trials (larger is better), the round's points proposed so far and
 * a seeded generator give the next point.
 *
 * <p>The finished trials' points are placed in the unit cube ({@link UnitCube}), their values
 * standardised, and a Matern-5/2 process fitted to them ({@link HyperparameterFit}). A pending
 * point is then added at the value the process predicts for it (the Kriging believer): its
 * uncertainty collapses, so the round's next proposal goes elsewhere, while the hyperparameters and
 * the incumbent stay those of real results. The proposal maximises log expected improvement over
 * the best finished value ({@link LogExpectedImprovement}, {@link AcquisitionOptimizer}). With
 * fewer than {@value #MIN_OBSERVATIONS} finished trials there is nothing to model, and the point is
 * drawn uniformly from the cube.
 *
 * <p>A sampler keeps the last fit: a round's proposals share their finished trials, so the
 * hyperparameters are fitted once per round, not once per point.
 */
final class GpSampler implements Proposer {
  static final int MIN_OBSERVATIONS = 2;
  private static final double MIN_VARIANCE = 1e-12;

  private final UnitCube cube;
  private List<Observation> fittedOn;
  private Fit fit;

  public GpSampler(Conditions conditions) {
    this.cube = new UnitCube(conditions);
  }

  @Override
  public Map<String, String> propose(
      List<Observation> finished, List<Map<String, String>> pending, RandomGenerator rng) {
    int d = cube.dimensions();
    if (finished.size() < MIN_OBSERVATIONS || d == 0) {
      double[] u = new double[d];
      for (int i = 0; i < d; i++) {
        u[i] = rng.nextDouble();
      }
      return cube.point(u);
    }
    if (!finished.equals(fittedOn)) {
      fit = Fit.of(cube, finished);
      fittedOn = List.copyOf(finished);
    }
    GaussianProcess gp = fit.process();
    if (!pending.isEmpty()) {
      double[][] x = new double[pending.size()][];
      double[] believed = new double[pending.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = cube.features(cube.latent(pending.get(i)));
        believed[i] = gp.predict(x[i]).mean();
      }
      gp = gp.with(x, believed);
    }
    GaussianProcess model = gp;
    double best = fit.best();
    AcquisitionOptimizer optimizer =
        new AcquisitionOptimizer(
            cube,
            f -> {
              GaussianProcess.Prediction p = model.predict(f);
              return LogExpectedImprovement.value(
                  p.mean(), Math.sqrt(Math.max(p.variance(), MIN_VARIANCE)), best);
            });
    return cube.point(optimizer.maximize(List.of(fit.bestLatent()), rng));
  }

  /** A process fitted to finished trials, their best standardised value and where it was. */
  private record Fit(GaussianProcess process, double best, double[] bestLatent) {
    static Fit of(UnitCube cube, List<Observation> finished) {
      int n = finished.size();
      double[] y = new double[n];
      double[][] x = new double[n][];
      double mean = 0;
      for (int i = 0; i < n; i++) {
        y[i] = finished.get(i).value();
        mean += y[i] / n;
      }
      double var = 0;
      for (double v : y) {
        var += (v - mean) * (v - mean) / n;
      }
      double sd = var > 0 ? Math.sqrt(var) : 1;
      int arg = 0;
      for (int i = 0; i < n; i++) {
        y[i] = (y[i] - mean) / sd;
        x[i] = cube.features(cube.latent(finished.get(i).point()));
        if (y[i] > y[arg]) {
          arg = i;
        }
      }
      GaussianProcess gp = HyperparameterFit.fit(x, y, cube.categorical());
      return new Fit(gp, y[arg], cube.latent(finished.get(arg).point()));
    }
  }
}
