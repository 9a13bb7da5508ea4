package dev.tunebeam.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.bench.SyntheticStudy.Finished;
import dev.tunebeam.bench.TpeContractBenchmark.Seed;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.SearchSpaceLoader;
import dev.tunebeam.transforms.study.Trial;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TPE benchmark's small version: real tpe and random studies of the synthetic objective run by
 * the main job, each trial a process under the trial contract, and the counts taken from the
 * studies' results.
 */
@Tag("integration")
class TpeContractBenchmarkTest {
  private static final int TRIALS = 20;
  private static final int BATCH = 4;

  @TempDir Path tmp;

  @Test
  void tpeStudiesThroughTheContractConcentrateWhereRandomSearchDoesNot() throws Exception {
    SyntheticStudy studies = SyntheticStudy.in(tmp, SyntheticStudy.defaultPython(), 2);
    List<Integer> rounds = studies.roundSizes(TRIALS, BATCH);
    assertEquals(List.of(10, 4, 4, 2), rounds);
    for (long seed : new long[] {3, 8}) {
      String tpeSpace = studies.space("tpe", TRIALS, BATCH, seed);
      List<Finished> tpe = studies.run(tpeSpace, tmp.resolve("tpe-" + seed));
      // The same seed as TPE's here, so random search draws TPE's round 0 first and then goes on
      // drawing.
      List<Finished> random =
          studies.run(studies.space("random", TRIALS, BATCH, seed), tmp.resolve("random-" + seed));
      assertEquals(TRIALS, tpe.size());
      assertEquals(TRIALS, random.size());
      for (Finished f : concat(tpe, random)) {
        assertEquals("SUCCEEDED", f.status(), f.toString());
        // The trainer got the trial's flags and its metric file came back as the objective.
        assertEquals(TpeBenchmark.distance(f.parameters()), f.distance(), 1e-9, f.toString());
      }

      // In the order they finished, round 0 comes first and is the space's random draw for the
      // seed.
      SearchSpace space =
          SearchSpaceLoader.parse("tpe space", tpeSpace.getBytes(StandardCharsets.UTF_8), true);
      List<Finished> round0 = tpe.subList(0, rounds.get(0));
      List<Finished> later = tpe.subList(rounds.get(0), TRIALS);
      assertEquals(
          space.randomTrials(rounds.get(0), seed).stream()
              .map(Trial::id)
              .collect(Collectors.toSet()),
          round0.stream().map(Finished::id).collect(Collectors.toSet()));
      Set<String> drawn = points(random);
      assertTrue(
          drawn.containsAll(points(round0)), "random search with the same seed drew TPE's round 0");
      Set<String> proposed = points(later);
      proposed.retainAll(drawn);
      assertEquals(Set.of(), proposed, "TPE's later rounds are not random search's next draws");

      // The estimator pulls later rounds towards the best points: closer to the optimum than its
      // own random round and than random search's draws after those same points.
      double proposals = median(later);
      assertTrue(
          proposals < median(round0), seed + ": " + proposals + " vs round 0 " + median(round0));
      List<Finished> randomAfter =
          random.stream().filter(f -> !points(round0).contains(point(f))).toList();
      assertEquals(TRIALS - rounds.get(0), randomAfter.size());
      assertTrue(
          proposals < median(randomAfter),
          seed + ": " + proposals + " vs random " + median(randomAfter));

      Seed figures = Seed.of(seed, tpe, rounds, random, 0, 0);
      checkCount(figures.tpe(), tpe);
      checkCount(figures.random(), random);
      assertEquals(
          figures.tpe() == 0
              ? -1
              : figures.tpe() <= 10 ? 0 : figures.tpe() <= 14 ? 1 : figures.tpe() <= 18 ? 2 : 3,
          figures.tpeRound());
    }
  }

  @Test
  void aMedianWithCutOffSeedsSaysWhenItIsOnlyALowerBound() {
    TpeContractBenchmark.Median exact = TpeContractBenchmark.Median.of(List.of(5, 0, 7, 9), 40);
    assertEquals(8.0, exact.value());
    assertEquals(1, exact.cutOff());
    assertTrue(exact.exact());
    TpeContractBenchmark.Median bound = TpeContractBenchmark.Median.of(List.of(5, 0, 0, 9), 40);
    assertEquals(25.0, bound.value());
    assertTrue(!bound.exact() && bound.toString().contains("lower bound"), bound.toString());
  }

  /**
   * {@code count} trials to the radius: the count-th is within it, none before it is; 0: none is.
   */
  private static void checkCount(int count, List<Finished> order) {
    for (int i = 0; i < (count == 0 ? order.size() : count - 1); i++) {
      assertTrue(order.get(i).distance() > TpeBenchmark.RADIUS, order.get(i).toString());
    }
    if (count > 0) {
      assertTrue(order.get(count - 1).distance() <= TpeBenchmark.RADIUS);
    }
  }

  private static double median(List<Finished> trials) {
    double[] d = trials.stream().mapToDouble(Finished::distance).sorted().toArray();
    return d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
  }

  private static Set<String> points(List<Finished> trials) {
    return trials.stream()
        .map(TpeContractBenchmarkTest::point)
        .collect(Collectors.toCollection(HashSet::new));
  }

  /**
   * The searched values, as numbers: the two studies' ids differ (the study name is part of an id).
   */
  private static String point(Finished f) {
    return f.parameters().get("optimizer")
        + " "
        + Double.parseDouble(f.parameters().get("learning_rate"))
        + " "
        + Double.parseDouble(f.parameters().get("x"));
  }

  private static List<Finished> concat(List<Finished> a, List<Finished> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
