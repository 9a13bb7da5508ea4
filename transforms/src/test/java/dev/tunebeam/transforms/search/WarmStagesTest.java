package dev.tunebeam.transforms.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.search.gp.GpSettings;
import dev.tunebeam.transforms.search.halving.HalvingSettings;
import dev.tunebeam.transforms.search.hyperband.HyperbandSettings;
import dev.tunebeam.transforms.search.random.RandomSettings;
import dev.tunebeam.transforms.search.tpe.TpeSettings;
import dev.tunebeam.transforms.space.AlgorithmSettings;
import dev.tunebeam.transforms.space.Scale;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import dev.tunebeam.transforms.warm.WarmStart;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A warm start's effect on each algorithm's first stage, without training. */
class WarmStagesTest {
  private static final Map<String, String> POINT = Map.of("x", "0.5", "y", "c");

  private static SearchSpace space(String study, AlgorithmSettings algorithm) {
    return SearchSpace.builder(study)
        .algorithm(algorithm)
        .seed(7)
        .uncheckedParameters()
        .doubleRange("x", 0, 1, Scale.LINEAR, 3)
        .categorical("y", "a", "b", "c")
        .fixed("num_epochs", "4")
        .build();
  }

  /** Best at x = 0.8 and y = b. */
  private static TrialResult result(Trial t) {
    double x = Double.parseDouble(t.get("x"));
    double v = -(x - 0.8) * (x - 0.8) + (t.get("y").equals("b") ? 0.3 : 0);
    EpochRecord e = EpochRecord.of(1, 0, Map.of(EpochRecord.VAL_ACCURACY, v));
    return TrialResult.of(t, "synthetic", TrialStatus.SUCCEEDED, List.of(e), "cpu", 0, 0, null);
  }

  /** An earlier random study of the same space under another name. */
  private static List<TrialResult> earlier(int n) {
    return space("earlier", new RandomSettings(n)).randomTrials(n, 99).stream()
        .map(WarmStagesTest::result)
        .toList();
  }

  private static RunSchedule schedule(SearchSpace space) {
    return RunSchedule.of(space, Objective.DEFAULT, rung -> null);
  }

  private static Set<String> ids(List<TrialResult> results) {
    Set<String> ids = new HashSet<>();
    results.forEach(r -> ids.add(r.trial().id()));
    return ids;
  }

  private static Map<String, String> searched(Trial t) {
    Map<String, String> p = new LinkedHashMap<>(t.parameters());
    p.keySet().retainAll(Set.of("x", "y"));
    return p;
  }

  static Stream<AlgorithmSettings> proposers() {
    return Stream.of(new TpeSettings(20, 4), new GpSettings(20, 4));
  }

  @ParameterizedTest
  @MethodSource("proposers")
  void earlierAnswersSteerTheFirstRoundAndAreNotTrainedAgain(AlgorithmSettings algorithm) {
    SearchSpace space = space("now", algorithm);
    WarmStart warm = WarmStart.of(space, earlier(15), List.of(), false);
    assertEquals(15, warm.answered().size(), "every earlier trial lies inside the space");
    List<Trial> cold = schedule(space).firstTrials().get(0);
    List<Trial> started = schedule(space).withWarmStart(warm).firstTrials().get(0);
    assertEquals(cold.size(), started.size(), "the round keeps its planned size");
    assertNotEquals(cold, started);
    Set<String> answered = ids(warm.answered());
    started.forEach(t -> assertTrue(!answered.contains(t.id()), "retrained " + t.describe()));
    long coldGood = cold.stream().filter(t -> t.get("y").equals("b")).count();
    long warmGood = started.stream().filter(t -> t.get("y").equals("b")).count();
    assertTrue(
        warmGood > coldGood && warmGood * 2 > started.size(),
        "proposed from the answers, most points take the better y=b: "
            + warmGood
            + " of "
            + started.size()
            + " against "
            + coldGood
            + " drawn at random");
  }

  @Test
  void laterRoundsReadTheAnswersAsFinishedTrials() {
    SearchSpace space = space("now", new TpeSettings(20, 4));
    WarmStart warm = WarmStart.of(space, earlier(15), List.of(), false);
    List<TrialResult> round0 =
        schedule(space).withWarmStart(warm).firstTrials().get(0).stream()
            .map(WarmStagesTest::result)
            .toList();
    Proposer tpe = SearchAlgorithms.of(space).proposer(space).orElseThrow();
    List<Trial> round1 =
        Proposals.propose(
            space, space.effectiveObjectives(), tpe, WarmStages.observations(warm, round0), 4, 1);
    assertNotEquals(Proposals.propose(space, Objective.DEFAULT, tpe, round0, 4, 1), round1);
    Set<String> answered = ids(warm.answered());
    round1.forEach(t -> assertTrue(!answered.contains(t.id()), "retrained " + t.describe()));
  }

  static Stream<AlgorithmSettings> everyAlgorithm() {
    return Stream.of(
        new dev.tunebeam.transforms.search.grid.GridSettings(),
        new RandomSettings(5),
        new HalvingSettings(2, 1, 4),
        new HyperbandSettings(2, 1),
        new TpeSettings(8, 2),
        new GpSettings(8, 2));
  }

  @ParameterizedTest
  @MethodSource("everyAlgorithm")
  void knownPointsTrainFirst(AlgorithmSettings algorithm) {
    SearchSpace space = space("now", algorithm);
    Map<String, String> offGrid = Map.of("x", "0.25", "y", "a");
    WarmStart warm = WarmStart.of(space, List.of(), List.of(POINT, offGrid), false);
    List<Trial> cold = schedule(space).firstTrials().get(0);
    List<Trial> first = schedule(space).withWarmStart(warm).firstTrials().get(0);
    assertEquals(POINT, searched(first.get(0)));
    assertEquals(offGrid, searched(first.get(1)));
    assertNotEquals(POINT, searched(cold.get(0)));
    int expected =
        space.algorithm().listsGrid()
            ? cold.size() + 1 // the grid holds x=0.5 already, not x=0.25
            : cold.size();
    assertEquals(expected, first.size(), first.toString());
    assertEquals(first.size(), new HashSet<>(first).size(), "no point twice");
  }

  @Test
  void morePointsThanTheFirstStageHoldsAreRefused() {
    SearchSpace space = space("now", new RandomSettings(1));
    WarmStart warm =
        WarmStart.of(space, List.of(), List.of(POINT, Map.of("x", "0", "y", "a")), false);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> schedule(space).withWarmStart(warm));
    assertEquals(
        "warm_start.points lists 2 points, more than the 1 trials of algorithm random's first"
            + " stage; list fewer points or let the algorithm train more trials",
        e.getMessage());
  }

  @Test
  void reuseCopiesAnsweredRowsOfAOneShotStudyInsteadOfTrainingThem() {
    SearchSpace space = space("now", new dev.tunebeam.transforms.search.grid.GridSettings());
    List<TrialResult> before =
        space("earlier", new dev.tunebeam.transforms.search.grid.GridSettings())
            .gridTrials()
            .subList(0, 4)
            .stream()
            .map(WarmStagesTest::result)
            .toList();
    WarmStart warm = WarmStart.of(space, before, List.of(), true);
    RunSchedule run = schedule(space).withWarmStart(warm);
    List<Trial> train = run.firstTrials().get(0);
    List<TrialResult> reused = run.reusedResults();
    assertEquals(9, train.size() + reused.size(), "the whole grid, trained or copied");
    assertEquals(4, reused.size());
    Set<String> copied = ids(reused);
    train.forEach(t -> assertTrue(!copied.contains(t.id()), "trained again: " + t.describe()));
    for (int i = 0; i < 4; i++) {
      TrialResult r = reused.get(i);
      assertEquals("now", r.trial().study());
      assertEquals("earlier/" + before.get(i).trial().id(), r.reusedFrom());
      assertEquals(before.get(i).history(), r.history());
    }
    assertEquals(
        List.of(),
        schedule(space)
            .withWarmStart(WarmStart.of(space, before, List.of(), false))
            .reusedResults(),
        "without reuse every point trains");
  }

  @Test
  void reuseIsRefusedForAStudyOfRounds() {
    SearchSpace space = space("now", new TpeSettings(8, 2));
    WarmStart warm = WarmStart.of(space, earlier(3), List.of(), true);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> schedule(space).withWarmStart(warm));
    assertEquals(
        "warm_start.reuse is for grid and random studies, but algorithm tpe trains in rounds"
            + " (earlier answers are observations it never retrains); drop reuse",
        e.getMessage());
  }
}
