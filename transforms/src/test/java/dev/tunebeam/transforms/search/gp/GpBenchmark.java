package dev.tunebeam.transforms.search.gp;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.results.Objective;
import dev.tunebeam.transforms.results.TrialResult;
import dev.tunebeam.transforms.results.TrialStatus;
import dev.tunebeam.transforms.schedule.TpeProposals;
import dev.tunebeam.transforms.space.Scale;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.SearchSpaceBuilder;
import dev.tunebeam.transforms.space.Trial;
import dev.tunebeam.transforms.space.tpe.TpeSampler.Observation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.random.Well19937c;

/**
 * GP against tunebeam's TPE and random search on Branin (2-D) and Hartmann-6, in process (each
 * function evaluated without a trainer), the Ax comparison's protocol: the best value found in
 * {@code trials} trials, median over {@code seeds} seeds, all three algorithms measured in one run.
 * GP and TPE run as their studies do: a random round 0, then rounds of {@code batch} proposals from
 * every finished trial (TPE through {@link TpeProposals}, its round 0 as {@code TpeRounds} sizes
 * it); random search draws the space's random points. Prints a line per seed and the medians:
 *
 * <pre>
 * mvn -B -q -o -pl transforms -am test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp transforms/target/test-classes:transforms/target/classes:$(cat transforms/cp.txt) \
 *     dev.tunebeam.transforms.search.gp.GpBenchmark [--seeds=16] [--firstSeed=1] [--trials=25] [--batch=1] [--functions=branin,hartmann6]
 * </pre>
 */
public final class GpBenchmark {
  private GpBenchmark() {}

  /** A test function to minimise, its space, its optimum and Ax's figure at 25 trials. */
  record TestFunction(
      String name,
      java.util.function.LongFunction<SearchSpace> space,
      ToDoubleFunction<Map<String, String>> f,
      double optimum,
      String anchor) {}

  static final TestFunction BRANIN =
      new TestFunction("branin", GpBenchmark::braninSpace, GpBenchmark::branin, 0.397887, "0.442");
  static final TestFunction HARTMANN6 =
      new TestFunction(
          "hartmann6", GpBenchmark::hartmannSpace, GpBenchmark::hartmann6, -3.32237, "-2.835");

  private static final double[][] A = {
    {10, 3, 17, 3.5, 1.7, 8},
    {0.05, 10, 17, 0.1, 8, 14},
    {3, 3.5, 1.7, 10, 17, 8},
    {17, 8, 0.05, 10, 0.1, 14}
  };
  private static final double[][] P = {
    {1312, 1696, 5569, 124, 8283, 5886},
    {2329, 4135, 8307, 3736, 1004, 9991},
    {2348, 1451, 3522, 2883, 3047, 6650},
    {4047, 8828, 8732, 5743, 1091, 381}
  };
  private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};

  static double branin(Map<String, String> p) {
    double x1 = Double.parseDouble(p.get("x1"));
    double x2 = Double.parseDouble(p.get("x2"));
    double b = 5.1 / (4 * Math.PI * Math.PI);
    double c = 5 / Math.PI;
    double t = 1 / (8 * Math.PI);
    double u = x2 - b * x1 * x1 + c * x1 - 6;
    return u * u + 10 * (1 - t) * Math.cos(x1) + 10;
  }

  static double hartmann6(Map<String, String> p) {
    double s = 0;
    for (int i = 0; i < 4; i++) {
      double e = 0;
      for (int j = 0; j < 6; j++) {
        double x = Double.parseDouble(p.get("x" + (j + 1)));
        e += A[i][j] * Math.pow(x - P[i][j] * 1e-4, 2);
      }
      s += ALPHA[i] * Math.exp(-e);
    }
    return -s;
  }

  static SearchSpace braninSpace(long seed) {
    return SearchSpace.builder("branin")
        .random(1, seed)
        .doubleRange("x1", -5, 10, Scale.LINEAR, null)
        .doubleRange("x2", 0, 15, Scale.LINEAR, null)
        .passThrough("x1")
        .passThrough("x2")
        .build();
  }

  static SearchSpace hartmannSpace(long seed) {
    SearchSpaceBuilder b = SearchSpace.builder("hartmann6").random(1, seed);
    for (int j = 1; j <= 6; j++) {
      b.doubleRange("x" + j, 0, 1, Scale.LINEAR, null).passThrough("x" + j);
    }
    return b.build();
  }

  /** GP's round 0: random points before the first model. */
  static int gpStartup(int trials, int batch) {
    return Math.min(trials, Math.max(batch, Math.min(5, trials / 2)));
  }

  /** TPE's round 0, as {@code TpeRounds} sizes it. */
  static int tpeStartup(int trials, int batch) {
    return Math.min(trials, Math.max(batch, Math.min(10, trials / 2)));
  }

  /** The best value GP finds: round 0 random, then rounds of proposals, each point unique. */
  static double gp(TestFunction fn, long seed, int trials, int batch) {
    SearchSpace space = fn.space().apply(seed);
    List<Observation> obs = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    double best = Double.POSITIVE_INFINITY;
    for (Trial t : space.randomTrials(gpStartup(trials, batch), seed)) {
      double v = fn.f().applyAsDouble(t.parameters());
      best = Math.min(best, v);
      obs.add(new Observation(t.parameters(), -v));
      taken.add(t.id());
    }
    GpSampler sampler = new GpSampler(space.conditional());
    for (int round = 1; obs.size() < trials; round++) {
      Well19937c rng = new Well19937c(space.seed() * 1_000_003L + round);
      List<Observation> view = new ArrayList<>(obs);
      List<Trial> next = new ArrayList<>();
      for (int i = 0; i < batch && obs.size() + next.size() < trials; i++) {
        Trial t = null;
        for (int attempt = 0; attempt < 20 && t == null; attempt++) {
          Trial c = space.trial(sampler.propose(view, rng));
          t = taken.contains(c.id()) ? null : c;
        }
        if (t == null) {
          t = space.randomTrials(1, seed * 7919 + obs.size() + i).get(0);
        }
        taken.add(t.id());
        next.add(t);
        view.add(new Observation(t.parameters(), Double.NEGATIVE_INFINITY));
      }
      for (Trial t : next) {
        double v = fn.f().applyAsDouble(t.parameters());
        best = Math.min(best, v);
        obs.add(new Observation(t.parameters(), -v));
      }
    }
    return best;
  }

  /** The best value tunebeam's TPE finds, through {@link TpeProposals} as a study runs it. */
  static double tpe(TestFunction fn, long seed, int trials, int batch) {
    SearchSpace space = fn.space().apply(seed);
    List<TrialResult> done = new ArrayList<>();
    double best = Double.POSITIVE_INFINITY;
    List<Trial> round = space.randomTrials(tpeStartup(trials, batch), seed);
    for (int r = 1; ; r++) {
      for (Trial t : round) {
        double v = fn.f().applyAsDouble(t.parameters());
        best = Math.min(best, v);
        done.add(result(t, -v));
      }
      if (done.size() >= trials) {
        return best;
      }
      round =
          TpeProposals.propose(
              space, Objective.DEFAULT, done, Math.min(batch, trials - done.size()), r);
    }
  }

  static double random(TestFunction fn, long seed, int trials) {
    SearchSpace space = fn.space().apply(seed);
    return space.randomTrials(trials, seed + 1000).stream()
        .mapToDouble(t -> fn.f().applyAsDouble(t.parameters()))
        .min()
        .orElseThrow();
  }

  private static TrialResult result(Trial t, double value) {
    EpochRecord e = EpochRecord.of(1, 0, Map.of(EpochRecord.VAL_ACCURACY, value));
    return TrialResult.of(t, "synthetic", TrialStatus.SUCCEEDED, List.of(e), "cpu", 0, 0, null);
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  public static void main(String[] args) {
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("seeds", "16");
    flags.put("firstSeed", "1");
    flags.put("trials", "25");
    flags.put("batch", "1");
    flags.put("functions", "branin,hartmann6");
    flags.put("algorithms", "gp,tpe,random");
    for (String a : args) {
      String name = a.startsWith("--") && a.contains("=") ? a.substring(2, a.indexOf('=')) : "";
      if (!flags.containsKey(name)) {
        System.err.println(
            "error: unknown option "
                + a
                + "; allowed: --"
                + String.join(", --", flags.keySet())
                + " (each as --name=value)");
        System.exit(2);
      }
      flags.put(name, a.substring(a.indexOf('=') + 1));
    }
    int seeds = Integer.parseInt(flags.get("seeds"));
    long first = Long.parseLong(flags.get("firstSeed"));
    int trials = Integer.parseInt(flags.get("trials"));
    int batch = Integer.parseInt(flags.get("batch"));
    List<String> algorithms = List.of(flags.get("algorithms").split(","));
    for (String name : flags.get("functions").split(",")) {
      TestFunction fn = name.equals("branin") ? BRANIN : HARTMANN6;
      Map<String, double[]> best = new LinkedHashMap<>();
      Map<String, Double> seconds = new LinkedHashMap<>();
      algorithms.forEach(a -> best.put(a, new double[seeds]));
      algorithms.forEach(a -> seconds.put(a, 0.0));
      for (int s = 0; s < seeds; s++) {
        long seed = first + s;
        StringBuilder line =
            new StringBuilder(String.format(Locale.ROOT, "%s seed %3d:", name, seed));
        for (String a : algorithms) {
          long t0 = System.nanoTime();
          double v =
              switch (a) {
                case "gp" -> gp(fn, seed, trials, batch);
                case "tpe" -> tpe(fn, seed, trials, batch);
                default -> random(fn, seed, trials);
              };
          seconds.merge(a, (System.nanoTime() - t0) / 1e9, Double::sum);
          best.get(a)[s] = v;
          line.append(String.format(Locale.ROOT, " %s %.4f", a, v));
        }
        System.out.println(line);
      }
      StringBuilder summary =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "%s: median best of %d trials (batch %d) over %d seeds:",
                  name,
                  trials,
                  batch,
                  seeds));
      for (String a : algorithms) {
        summary.append(
            String.format(
                Locale.ROOT, " %s %.4f [%.0f s]", a, median(best.get(a)), seconds.get(a)));
      }
      summary.append(
          String.format(
              Locale.ROOT, "; optimum %s, Ax at 25 trials %s", fn.optimum(), fn.anchor()));
      System.out.println(summary);
    }
  }
}
