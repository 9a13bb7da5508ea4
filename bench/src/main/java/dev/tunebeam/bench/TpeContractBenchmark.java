package dev.tunebeam.bench;

import dev.tunebeam.bench.SyntheticStudy.Finished;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * TPE against random search through the trial contract: for each seed, one {@code algorithm: tpe}
 * study and one {@code algorithm: random} study run by the main job on the DirectRunner, each trial
 * a process of {@code synthetic_objective.py} reporting its distance from the known optimum (the
 * objective of {@link TpeBenchmark}). From each study's results, in the order its trials finished,
 * it counts the trials until one lands within {@link TpeBenchmark#RADIUS}, and prints one line per
 * seed, the medians and their ratio:
 *
 * <pre>
 * java -cp pipeline/target/tunebeam.jar dev.tunebeam.bench.TpeContractBenchmark \
 *     [--firstSeed=1] [--seeds=20] [--batch=4] [--tpeTrials=34] [--randomTrials=200] [--workers=2] [--python=/usr/bin/python3]
 * </pre>
 *
 * A study cannot stop when it reaches the radius, so each runs to its cap. A seed that never
 * reaches the radius counts as cap + 1, a lower bound; the median is exact while fewer than half
 * the seeds of an algorithm are cut off, and the output says when it is not.
 */
public final class TpeContractBenchmark {
  private TpeContractBenchmark() {}

  record Settings(
      int firstSeed,
      int seeds,
      int batch,
      int tpeTrials,
      int randomTrials,
      int workers,
      String python) {
    static Settings parse(String[] args) {
      Settings s = new Settings(1, 20, 4, 34, 200, 2, SyntheticStudy.defaultPython());
      for (String a : args) {
        String value = a.substring(a.indexOf('=') + 1);
        s =
            switch (a.substring(0, Math.max(0, a.indexOf('=')))) {
              case "--firstSeed" ->
                  new Settings(
                      positive(a, value),
                      s.seeds,
                      s.batch,
                      s.tpeTrials,
                      s.randomTrials,
                      s.workers,
                      s.python);
              case "--seeds" ->
                  new Settings(
                      s.firstSeed,
                      positive(a, value),
                      s.batch,
                      s.tpeTrials,
                      s.randomTrials,
                      s.workers,
                      s.python);
              case "--batch" ->
                  new Settings(
                      s.firstSeed,
                      s.seeds,
                      positive(a, value),
                      s.tpeTrials,
                      s.randomTrials,
                      s.workers,
                      s.python);
              case "--tpeTrials" ->
                  new Settings(
                      s.firstSeed,
                      s.seeds,
                      s.batch,
                      positive(a, value),
                      s.randomTrials,
                      s.workers,
                      s.python);
              case "--randomTrials" ->
                  new Settings(
                      s.firstSeed,
                      s.seeds,
                      s.batch,
                      s.tpeTrials,
                      positive(a, value),
                      s.workers,
                      s.python);
              case "--workers" ->
                  new Settings(
                      s.firstSeed,
                      s.seeds,
                      s.batch,
                      s.tpeTrials,
                      s.randomTrials,
                      positive(a, value),
                      s.python);
              case "--python" ->
                  new Settings(
                      s.firstSeed, s.seeds, s.batch, s.tpeTrials, s.randomTrials, s.workers, value);
              default ->
                  throw new IllegalArgumentException(
                      "unknown option "
                          + a
                          + "; allowed: --firstSeed, --seeds, --batch, --tpeTrials, --randomTrials, --workers, --python (each as --name=value)");
            };
      }
      return s;
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
      throw new IllegalArgumentException(
          flag.substring(0, flag.indexOf('=')) + " " + value + " must be a positive whole number");
    }
  }

  /**
   * One seed's figures: trials to reach the radius (0: not within the cap), TPE's round there (-1:
   * none), and both studies' wall times.
   */
  record Seed(
      long seed, int tpe, int tpeRound, int random, double tpeSeconds, double randomSeconds) {
    /** The figures from the two studies' trials, each in the order they finished. */
    static Seed of(
        long seed,
        List<Finished> tpe,
        List<Integer> roundSizes,
        List<Finished> random,
        double tpeSeconds,
        double randomSeconds) {
      int t = SyntheticStudy.trialsToReach(tpe, TpeBenchmark.RADIUS);
      return new Seed(
          seed,
          t,
          t == 0 ? -1 : SyntheticStudy.roundOf(t, roundSizes),
          SyntheticStudy.trialsToReach(random, TpeBenchmark.RADIUS),
          tpeSeconds,
          randomSeconds);
    }
  }

  public static void main(String[] args) throws IOException {
    System.setProperty("ai.djl.offline", "true");
    // Thousands of trials: one INFO line each would bury the figures.
    if (System.getProperty("org.slf4j.simpleLogger.log.dev.tunebeam") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.dev.tunebeam", "warn");
    }
    Settings s;
    try {
      s = Settings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    Path work = Files.createTempDirectory("tunebeam-tpe-contract-");
    SyntheticStudy studies = SyntheticStudy.in(work, s.python(), s.workers());
    List<Seed> seeds = new ArrayList<>();
    long started = System.nanoTime();
    for (long seed = s.firstSeed(); seed < s.firstSeed() + s.seeds(); seed++) {
      Seed r = seed(studies, work, seed, s);
      seeds.add(r);
      System.out.printf(
          Locale.ROOT,
          "seed %2d: tpe %s trials (round %s), random %s trials   [%.0f s + %.0f s]%n",
          seed,
          shown(r.tpe(), s.tpeTrials()),
          r.tpe() == 0 ? "-" : Integer.toString(r.tpeRound()),
          shown(r.random(), s.randomTrials()),
          r.tpeSeconds(),
          r.randomSeconds());
    }
    double minutes = (System.nanoTime() - started) / 60e9;
    Median tpe = Median.of(seeds.stream().map(Seed::tpe).toList(), s.tpeTrials());
    Median random = Median.of(seeds.stream().map(Seed::random).toList(), s.randomTrials());
    System.out.printf(
        Locale.ROOT,
        "median trials to within %.2f of the optimum over %d seeds (batch %d; caps %d and %d): tpe %s, random %s, ratio %.2f (goal: <= 0.5)%n",
        TpeBenchmark.RADIUS,
        s.seeds(),
        s.batch(),
        s.tpeTrials(),
        s.randomTrials(),
        tpe,
        random,
        tpe.value() / random.value());
    System.out.printf(
        Locale.ROOT,
        "%d studies, %d trial processes, in %.1f min%n",
        2 * s.seeds(),
        s.seeds() * (s.tpeTrials() + s.randomTrials()),
        minutes);
    SyntheticStudy.delete(work);
  }

  private static Seed seed(SyntheticStudy studies, Path work, long seed, Settings s)
      throws IOException {
    long t0 = System.nanoTime();
    List<Finished> tpe = run(studies, work, studies.space("tpe", s.tpeTrials(), s.batch(), seed));
    long t1 = System.nanoTime();
    // Another seed than TPE's, so random search does not share TPE's random round 0.
    List<Finished> random =
        run(studies, work, studies.space("random", s.randomTrials(), s.batch(), seed + 1000));
    long t2 = System.nanoTime();
    return Seed.of(
        seed,
        tpe,
        studies.roundSizes(s.tpeTrials(), s.batch()),
        random,
        (t1 - t0) / 1e9,
        (t2 - t1) / 1e9);
  }

  private static List<Finished> run(SyntheticStudy studies, Path work, String space)
      throws IOException {
    Path output = Files.createTempDirectory(work, "study-");
    try {
      return studies.run(space, output);
    } finally {
      SyntheticStudy.delete(output);
    }
  }

  private static String shown(int n, int cap) {
    return n == 0 ? ">" + cap : Integer.toString(n);
  }

  /** The median with cut-off seeds counted as cap + 1; exact while fewer than half are cut off. */
  record Median(double value, int cutOff, boolean exact) {
    static Median of(List<Integer> counts, int cap) {
      List<Integer> sorted =
          new ArrayList<>(counts.stream().map(n -> n == 0 ? cap + 1 : n).toList());
      sorted.sort(null);
      int n = sorted.size();
      double m = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
      int cut = (int) counts.stream().filter(c -> c == 0).count();
      return new Median(m, cut, sorted.get(n / 2) <= cap);
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%.1f%s (%d cut off)",
          value,
          exact ? "" : " (a lower bound: half the seeds or more were cut off)",
          cutOff);
    }
  }
}
