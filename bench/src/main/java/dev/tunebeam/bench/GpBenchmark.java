package dev.tunebeam.bench;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.search.Bracket;
import dev.tunebeam.transforms.search.Proposals;
import dev.tunebeam.transforms.search.Proposer;
import dev.tunebeam.transforms.search.Schedule;
import dev.tunebeam.transforms.search.SearchAlgorithm;
import dev.tunebeam.transforms.search.SearchAlgorithms;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.SettingKeys;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * {@code algorithm: gp} against tunebeam's TPE and random search on Branin (2-D) and Hartmann-6, in
 * process: each algorithm plans its schedule and proposes its rounds exactly as a study does (round
 * 0 from {@code firstTrials}, each later round from {@link Proposals} with the algorithm's {@link
 * Proposer}), but each trial is the test function evaluated in this JVM instead of a trainer. The
 * Ax comparison's protocol: the best value found in {@code trials} trials, median over {@code
 * seeds} seeds, all three algorithms in one run. Prints a line per seed and the medians:
 *
 * <pre>
 * java -cp pipeline/target/tunebeam.jar:bench/target/tunebeam-bench.jar dev.tunebeam.bench.GpBenchmark \
 *     [--seeds=16] [--firstSeed=1] [--trials=25] [--batch=1] [--functions=branin,hartmann6] [--algorithms=gp,tpe,random]
 * </pre>
 *
 * {@link GpContractBenchmark} runs the same comparison through the trial contract, with the same
 * study names, so the same trial ids, and so the same proposals: its figures equal these seed by
 * seed (TPE reads the results in trial-id order, and its draws depend on that order).
 */
public final class GpBenchmark {
  private GpBenchmark() {}

  /** One run's flags. */
  record Settings(
      int seeds,
      long firstSeed,
      int trials,
      int batch,
      List<TestFunction> functions,
      List<String> algorithms) {
    static Settings parse(String[] args) {
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
          throw new IllegalArgumentException(
              "unknown option "
                  + a
                  + "; allowed: --"
                  + String.join(", --", flags.keySet())
                  + " (each as --name=value)");
        }
        flags.put(name, a.substring(a.indexOf('=') + 1));
      }
      List<String> algorithms = List.of(flags.get("algorithms").split(","));
      for (String a : algorithms) {
        if (!List.of("gp", "tpe", "random").contains(a)) {
          throw new IllegalArgumentException(
              "--algorithms " + a + " is not one of gp, tpe, random");
        }
      }
      return new Settings(
          positive("--seeds", flags.get("seeds")),
          positive("--firstSeed", flags.get("firstSeed")),
          positive("--trials", flags.get("trials")),
          positive("--batch", flags.get("batch")),
          Arrays.stream(flags.get("functions").split(",")).map(TestFunction::named).toList(),
          algorithms);
    }

    private static int positive(String flag, String value) {
      try {
        int n = Integer.parseInt(value);
        if (n > 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // the sentence below
      }
      throw new IllegalArgumentException(flag + " " + value + " must be a positive whole number");
    }
  }

  /**
   * The space of {@code algorithm} on {@code fn} with the algorithm's keys for {@code trials} and
   * {@code batch}: {@code trials}/{@code batch} for gp and tpe, {@code samples} for random.
   */
  static SearchSpace space(TestFunction fn, String algorithm, int trials, int batch, long seed) {
    Map<String, Object> keys =
        algorithm.equals("random")
            ? Map.of("samples", trials)
            : Map.of("trials", trials, "batch", batch);
    return fn.space(fn.key() + "-" + algorithm + "-" + seed)
        .algorithm(SearchAlgorithms.of(algorithm).read(SettingKeys.of(keys)))
        .seed(seed)
        .build();
  }

  /** The best (smallest) value one study finds, its rounds run as a study runs them. */
  static double study(SearchSpace space, TestFunction fn) {
    SearchAlgorithm<?> algorithm = SearchAlgorithms.of(space);
    Schedule schedule = algorithm.plan(space);
    Bracket bracket = schedule.brackets().get(0);
    List<TrialResult> done = new ArrayList<>();
    List<Trial> round = algorithm.firstTrials(space, schedule, bracket);
    double best = Double.POSITIVE_INFINITY;
    for (int r = 1; ; r++) {
      for (Trial t : round) {
        double v = fn.value(t.parameters());
        best = Math.min(best, v);
        done.add(result(t, v));
      }
      if (r >= bracket.rungs().size()) {
        return best;
      }
      // A proposer per round, as each round's ProposeFn makes its own.
      Proposer proposer = algorithm.proposer(space).orElseThrow();
      round =
          Proposals.propose(space, MINIMIZE, proposer, done, bracket.rungs().get(r).trials(), r);
    }
  }

  static final Objective MINIMIZE = Objective.parse(TestFunction.METRIC, "minimize", "last");

  static TrialResult result(Trial t, double value) {
    EpochRecord e = EpochRecord.of(1, 0, Map.of(TestFunction.METRIC, value));
    return TrialResult.of(t, "in-process", TrialStatus.SUCCEEDED, List.of(e), "cpu", 0, 0, null);
  }

  public static void main(String[] args) {
    Settings s;
    try {
      s = Settings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
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
          // Random search with another seed than the others' round 0, as TpeContractBenchmark does.
          long drawn = a.equals("random") ? seed + 1000 : seed;
          double v = study(space(fn, a, s.trials(), s.batch(), drawn), fn);
          seconds.merge(a, (System.nanoTime() - t0) / 1e9, Double::sum);
          best.get(a)[i] = v;
          line.append(String.format(Locale.ROOT, "  %s %.4f", a, v));
        }
        System.out.println(line);
      }
      StringBuilder summary =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "%s: median best of %d trials (batch %d) over %d seeds:",
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
  }
}
