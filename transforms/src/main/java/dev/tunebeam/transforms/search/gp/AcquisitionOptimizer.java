package dev.tunebeam.transforms.search.gp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Finds the cube point where an acquisition function is largest, as Optuna's {@code GPSampler}
 * does: scores {@value #CANDIDATES} quasi-random candidates (a Sobol sequence shifted by a seeded
 * random offset, so seeds differ but the cover stays even), then refines the best {@value #STARTS}
 * of them and the given starts (the best observed points) by local search: the continuous
 * coordinates by BOBYQA (bounded, derivative-free; Brent's method when there is only one), each
 * grid or categorical coordinate by trying every allowed value, in turn until neither improves. The
 * acquisition function only ever sees {@link UnitCube#features}, so grid values, categories and
 * absent parameters are respected during the search and not only at the end.
 */
final class AcquisitionOptimizer {
  static final int CANDIDATES = 2048;
  static final int STARTS = 10;
  private static final int SWEEPS = 3;

  private final UnitCube cube;
  private final ToDoubleFunction<double[]> acquisition;

  /**
   * {@code acquisition} is a function of features ({@link UnitCube#features}); larger is better.
   */
  AcquisitionOptimizer(UnitCube cube, ToDoubleFunction<double[]> acquisition) {
    this.cube = cube;
    this.acquisition = acquisition;
  }

  private double score(double[] latent) {
    return acquisition.applyAsDouble(cube.features(latent));
  }

  /** The best cube point found; {@code starts} are refined besides the best candidates. */
  double[] maximize(List<double[]> starts, RandomGenerator rng) {
    int d = cube.dimensions();
    List<Scored> scored = new ArrayList<>();
    for (double[] c : candidates(d, rng)) {
      scored.add(new Scored(c, score(c)));
    }
    scored.sort(Comparator.comparingDouble((Scored s) -> -s.value()));
    List<double[]> from = new ArrayList<>(starts);
    for (int i = 0; i < Math.min(STARTS, scored.size()); i++) {
      from.add(scored.get(i).point());
    }
    double[] best = scored.get(0).point();
    double bestValue = scored.get(0).value();
    for (double[] s : from) {
      Scored r = localSearch(s.clone());
      if (r.value() > bestValue) {
        best = r.point();
        bestValue = r.value();
      }
    }
    return best;
  }

  private static List<double[]> candidates(int d, RandomGenerator rng) {
    double[] shift = new double[d];
    for (int i = 0; i < d; i++) {
      shift[i] = rng.nextDouble();
    }
    SobolSequenceGenerator sobol = new SobolSequenceGenerator(d);
    List<double[]> out = new ArrayList<>(CANDIDATES);
    for (int n = 0; n < CANDIDATES; n++) {
      double[] u = sobol.nextVector();
      for (int i = 0; i < d; i++) {
        u[i] = (u[i] + shift[i]) % 1.0;
      }
      out.add(u);
    }
    return out;
  }

  private Scored localSearch(double[] x) {
    double value = score(x);
    for (int sweep = 0; sweep < SWEEPS; sweep++) {
      double before = value;
      Scored c = continuous(x, value);
      x = c.point();
      value = c.value();
      boolean discrete = false;
      for (int i = 0; i < x.length; i++) {
        double[] choices = cube.choices(i);
        discrete |= choices.length > 0;
        for (double u : choices) {
          double[] y = x.clone();
          y[i] = u;
          double v = score(y);
          if (v > value) {
            x = y;
            value = v;
          }
        }
      }
      if (!discrete || value <= before + 1e-9) {
        break;
      }
    }
    return new Scored(x, value);
  }

  /** The continuous coordinates that matter at {@code x} (their parameter is active), refined. */
  private Scored continuous(double[] x, double value) {
    int[] free = cube.activeContinuous(x);
    if (free.length == 0) {
      return new Scored(x, value);
    }
    BestSeen best = new BestSeen();
    best.offer(x, value);
    double[] base = x.clone();
    try {
      if (free.length == 1) {
        int i = free[0];
        new BrentOptimizer(1e-6, 1e-9)
            .optimize(
                new MaxEval(200),
                new UnivariateObjectiveFunction(
                    u -> {
                      double[] y = base.clone();
                      y[i] = u;
                      return best.offer(y, score(y));
                    }),
                GoalType.MAXIMIZE,
                new SearchInterval(0, 1, x[i]));
      } else {
        double[] start = new double[free.length];
        for (int j = 0; j < free.length; j++) {
          start[j] = x[free[j]];
        }
        double[] lower = new double[free.length];
        double[] upper = new double[free.length];
        Arrays.fill(upper, 1);
        new BOBYQAOptimizer(2 * free.length + 1, 0.1, 1e-6)
            .optimize(
                new MaxEval(100 * free.length),
                new ObjectiveFunction(
                    p -> {
                      double[] y = base.clone();
                      for (int j = 0; j < free.length; j++) {
                        y[free[j]] = Math.max(0, Math.min(1, p[j]));
                      }
                      return best.offer(y, score(y));
                    }),
                GoalType.MAXIMIZE,
                new InitialGuess(start),
                new SimpleBounds(lower, upper));
      }
    } catch (TooManyEvaluationsException e) {
      // The best point seen is kept: a search cut short still moved forward.
    }
    return new Scored(best.point(), best.value());
  }

  private record Scored(double[] point, double value) {}
}
