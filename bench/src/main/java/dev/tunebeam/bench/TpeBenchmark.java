package dev.tunebeam.bench;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.search.Proposals;
import dev.tunebeam.transforms.search.Proposer;
import dev.tunebeam.transforms.search.tpe.TpeSampler;
import dev.tunebeam.transforms.space.Scale;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TPE against random search on a synthetic objective with a known optimum: how many trials each
 * needs before one lands within {@code RADIUS} of the optimum (in the unit square of log10 learning
 * rate over [1e-4, 1] and a linear x over [0, 1], with the right one of three categories), median
 * over 20 seeds. TPE runs as a {@code tpe} study does (a random round 0, then rounds of {@code
 * batch} proposals from every finished trial); random search draws the space's random points.
 * Prints one line per seed and the medians:
 *
 * <pre>
 * java -cp pipeline/target/tunebeam.jar dev.tunebeam.bench.TpeBenchmark [batch (4)] [cap (400)]
 * </pre>
 */
public final class TpeBenchmark {
  static final double RADIUS = 0.1;

  static SearchSpace space(long seed) {
    return SearchSpace.builder("tpe-bench")
        .random(1, seed)
        .doubleRange("learning_rate", 1e-4, 1.0, Scale.LOG, null)
        .doubleRange("x", 0, 1, Scale.LINEAR, null)
        .categorical("optimizer", "sgd", "adam", "rmsprop")
        .passThrough("x")
        .build();
  }

  private TpeBenchmark() {}

  public static void main(String[] args) {
    int batch = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    int cap = args.length > 1 ? Integer.parseInt(args[1]) : 400;
    List<Integer> tpe = new ArrayList<>();
    List<Integer> random = new ArrayList<>();
    for (int seed = 1; seed <= 20; seed++) {
      int t = tpeTrials(seed, batch, cap);
      int r = randomTrials(seed, cap);
      tpe.add(t);
      random.add(r);
      System.out.printf(Locale.ROOT, "seed %2d: tpe %3d trials, random %3d trials%n", seed, t, r);
    }
    tpe.sort(null);
    random.sort(null);
    double mt = (tpe.get(9) + tpe.get(10)) / 2.0;
    double mr = (random.get(9) + random.get(10)) / 2.0;
    System.out.printf(
        Locale.ROOT,
        "median trials to within %.2f of the optimum (cap %d): tpe %.1f, random %.1f, ratio %.2f%n",
        RADIUS,
        cap,
        mt,
        mr,
        mt / mr);
  }

  /**
   * The objective (larger is better) and the distance to its optimum at learning_rate 0.01, x 0.3,
   * adam.
   */
  static double distance(Map<String, String> p) {
    double a = (Math.log10(Double.parseDouble(p.get("learning_rate"))) + 2) / 4;
    double b = Double.parseDouble(p.get("x")) - 0.3;
    return Math.sqrt(a * a + b * b) + (p.get("optimizer").equals("adam") ? 0 : 1);
  }

  static TrialResult result(Trial t) {
    double value = -distance(t.parameters());
    EpochRecord e = EpochRecord.of(1, 0, Map.of(EpochRecord.VAL_ACCURACY, value));
    return TrialResult.of(t, "synthetic", TrialStatus.SUCCEEDED, List.of(e), "cpu", 0, 0, null);
  }

  static int tpeTrials(long seed, int batch, int cap) {
    SearchSpace space = space(seed);
    Proposer tpe = new TpeSampler(space.conditional());
    List<TrialResult> done = new ArrayList<>();
    int startup = Math.max(batch, 10);
    for (Trial t : space.randomTrials(startup, seed)) {
      done.add(result(t));
      if (distance(t.parameters()) <= RADIUS) {
        return done.size();
      }
    }
    for (int round = 1; done.size() < cap; round++) {
      for (Trial t : Proposals.propose(space, Objective.DEFAULT, tpe, done, batch, round)) {
        done.add(result(t));
        if (distance(t.parameters()) <= RADIUS) {
          return done.size();
        }
      }
    }
    return cap;
  }

  static int randomTrials(long seed, int cap) {
    List<Trial> draws = space(seed).randomTrials(cap, seed + 1000);
    for (int i = 0; i < draws.size(); i++) {
      if (distance(draws.get(i).parameters()) <= RADIUS) {
        return i + 1;
      }
    }
    return cap;
  }
}
