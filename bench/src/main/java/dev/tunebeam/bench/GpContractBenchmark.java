package dev.tunebeam.bench;

import dev.tunebeam.bench.FunctionStudy.Finished;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * {@code algorithm: gp} against TPE and random search through the trial contract: for each seed and
 * test function, one {@code gp}, one {@code tpe} and one {@code random} study run by the main job
 * on the DirectRunner, each trial a process of {@code test_functions.py} reporting the function's
 * value. From each study's {@code results.json} it takes the best value found, and prints one line
 * per seed and the medians beside Ax's figures (the protocol of {@link GpBenchmark}):
 *
 * <pre>
 * java -cp pipeline/target/tunebeam.jar:bench/target/tunebeam-bench.jar dev.tunebeam.bench.GpContractBenchmark \
 *     [--seeds=16] [--firstSeed=1] [--trials=25] [--batch=1] [--functions=branin,hartmann6] [--algorithms=gp,tpe,random] [--workers=2]
 * </pre>
 */
public final class GpContractBenchmark {
  private GpContractBenchmark() {}

  public static void main(String[] args) throws IOException {
    System.setProperty("ai.djl.offline", "true");
    // Thousands of trials: one INFO line each would bury the figures.
    if (System.getProperty("org.slf4j.simpleLogger.log.dev.tunebeam") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.dev.tunebeam", "warn");
    }
    int workers = 2;
    List<String> rest = new java.util.ArrayList<>();
    for (String a : args) {
      if (a.startsWith("--workers=")) {
        workers = Integer.parseInt(a.substring("--workers=".length()));
      } else {
        rest.add(a);
      }
    }
    GpBenchmark.Settings s;
    try {
      s = GpBenchmark.Settings.parse(rest.toArray(String[]::new));
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    Path work = Files.createTempDirectory("tunebeam-gp-contract-");
    FunctionStudy studies = FunctionStudy.in(work, SyntheticStudy.defaultPython(), workers);
    // The first study in a JVM pays for starting Beam and the workers: a small one, not counted,
    // so the first algorithm's seconds compare with the others'.
    best(studies, work, studies.space(TestFunction.BRANIN, "random", 2, 1, 0));
    long started = System.nanoTime();
    for (TestFunction fn : s.functions()) {
      Map<String, double[]> best = new LinkedHashMap<>();
      Map<String, Double> seconds = new LinkedHashMap<>();
      for (String a : s.algorithms()) {
        best.put(a, new double[s.seeds()]);
        seconds.put(a, 0.0);
      }
      for (int i = 0; i < s.seeds(); i++) {
        long seed = s.firstSeed() + i;
        StringBuilder line =
            new StringBuilder(String.format(Locale.ROOT, "%s seed %3d:", fn.key(), seed));
        for (String a : s.algorithms()) {
          long t0 = System.nanoTime();
          long drawn = a.equals("random") ? seed + 1000 : seed;
          double v = best(studies, work, studies.space(fn, a, s.trials(), s.batch(), drawn));
          double sec = (System.nanoTime() - t0) / 1e9;
          seconds.merge(a, sec, Double::sum);
          best.get(a)[i] = v;
          line.append(String.format(Locale.ROOT, "  %s %.4f [%.0f s]", a, v, sec));
        }
        System.out.println(line);
      }
      StringBuilder summary =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "%s through the trial contract: median best of %d trials (batch %d) over %d seeds:",
                  fn.key(),
                  s.trials(),
                  s.batch(),
                  s.seeds()));
      for (String a : s.algorithms()) {
        summary.append(
            String.format(
                Locale.ROOT,
                "  %s %.4f [%.0f s]",
                a,
                new Median().evaluate(best.get(a)),
                seconds.get(a)));
      }
      System.out.println(
          summary
              + String.format(
                  Locale.ROOT, "   (optimum %s; Ax at 25 trials %s)", fn.optimum(), fn.axFigure()));
    }
    System.out.printf(Locale.ROOT, "%.1f min in all%n", (System.nanoTime() - started) / 60e9);
    SyntheticStudy.delete(work);
  }

  /** The smallest value a study's trials reported; a trial that failed stops the benchmark. */
  static double best(FunctionStudy studies, Path work, String space) throws IOException {
    Path output = Files.createTempDirectory(work, "study-");
    try {
      List<Finished> trials = studies.run(space, output);
      double best = Double.POSITIVE_INFINITY;
      for (Finished f : trials) {
        if (!f.status().equals("SUCCEEDED")) {
          throw new IllegalStateException("a trial did not succeed: " + f);
        }
        best = Math.min(best, f.value());
      }
      return best;
    } finally {
      SyntheticStudy.delete(output);
    }
  }
}
