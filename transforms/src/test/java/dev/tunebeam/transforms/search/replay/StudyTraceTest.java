package dev.tunebeam.transforms.search.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.search.Rung;
import dev.tunebeam.transforms.search.ScheduleWalk;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What simulate measures: trials, model-epochs and seconds to the target, the best in a budget. */
class StudyTraceTest {
  private static TrialResult result(String id, double... values) {
    List<EpochRecord> h = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      h.add(EpochRecord.of(i + 1, 2.0, Map.of(EpochRecord.VAL_ACCURACY, values[i])));
    }
    Trial t = new Trial(id, "s", Map.of("x", id));
    return TrialResult.of(t, "replay", TrialStatus.SUCCEEDED, h, "cpu", 2.0 * values.length, 0, "");
  }

  /** A halving-like walk: three trials for one epoch, then b continued to epoch 3. */
  private static StudyTrace twoRungs() {
    TrialResult a = result("a", 0.5);
    TrialResult b = result("b", 0.6);
    TrialResult c = result("c", 0.4);
    TrialResult b3 = result("b", 0.6, 0.8, 0.9);
    List<ScheduleWalk.Stage> stages =
        List.of(
            new ScheduleWalk.Stage(
                new Rung(0, 0, 1, 0, 3),
                List.of(a.trial(), b.trial(), c.trial()),
                List.of(a, b, c)),
            new ScheduleWalk.Stage(new Rung(0, 1, 3, 1, 1), List.of(b3.trial()), List.of(b3)));
    return StudyTrace.of(new ScheduleWalk.Walked(null, stages, List.of()), Objective.DEFAULT);
  }

  private static Target target(double best, double tolerance) {
    return new Target(Objective.DEFAULT, best, new Trial("b", "s", Map.of()), tolerance);
  }

  @Test
  void aPromotedTrialCostsOnlyItsNewEpochsAndIsNotCountedTwice() {
    StudyTrace.Step hit = twoRungs().firstReaching(target(0.9, 0.003)).orElseThrow();
    assertEquals("b", hit.trialId());
    assertEquals(3, hit.trials(), "a, b, c: b's second rung starts no new trial");
    assertEquals(5, hit.modelEpochs(), "3 first-rung epochs, then b's epochs 2 and 3");
    assertEquals(10.0, hit.seconds(), 1e-9, "the recorded 2 s of each of those epochs");
    assertEquals(3, hit.epochs());
  }

  @Test
  void theToleranceDecidesWhichTrialCountsAsFound() {
    assertEquals(
        "b", twoRungs().firstReaching(target(0.62, 0.03)).orElseThrow().trialId(), "0.6 >= 0.59");
    StudyTrace.Step first = twoRungs().firstReaching(target(0.52, 0.03)).orElseThrow();
    assertEquals("a", first.trialId(), "0.5 >= 0.49, and a trained first");
    assertEquals(1, first.trials());
    assertTrue(twoRungs().firstReaching(target(0.95, 0.003)).isEmpty(), "0.9 < 0.947");
  }

  @Test
  void aMinimisedObjectiveCountsFromBelow() {
    Objective loss =
        new Objective("val_accuracy", Objective.Goal.MINIMIZE, Objective.Measurement.LAST);
    StudyTrace t = StudyTrace.of(new ScheduleWalk.Walked(null, List.of(), List.of()), loss);
    assertTrue(t.firstReaching(new Target(loss, 0.4, null, 0.01)).isEmpty());
    assertTrue(new Target(loss, 0.4, null, 0.01).reached(0.405));
    assertTrue(!new Target(loss, 0.4, null, 0.01).reached(0.42));
  }

  @Test
  void theBestWithinABudgetStopsAtTheBudget() {
    StudyTrace t = twoRungs();
    assertEquals(0.6, t.bestWithin(3), 1e-12);
    assertEquals(0.6, t.bestWithin(4), 1e-12, "b's second rung ends at 5 model-epochs");
    assertEquals(0.9, t.bestWithin(5), 1e-12);
    assertEquals(0.9, t.bestWithin(0), 1e-12, "0: the whole study");
    assertEquals(3, t.total().trials());
    assertEquals(5, t.total().modelEpochs());
  }

  @Test
  void mediansCountAnUnfoundSeedAsInfinite() {
    assertEquals(2.5, Simulation.median(new double[] {3, 1, Double.POSITIVE_INFINITY, 2}));
    assertEquals(2, Simulation.median(new double[] {3, 1, 2}));
    assertEquals(
        Double.POSITIVE_INFINITY, Simulation.median(new double[] {1, Double.POSITIVE_INFINITY}));
  }

  @Test
  void aGridReplayFindsTheWinnerWhereTheGridListsIt() {
    SearchSpace grid = Recordings.space("replayed", "algorithm: grid");
    Replay replay = Replay.of(Recordings.synthetic(10), grid);
    Target target = replay.target(0.003);
    assertEquals("leakyrelu", target.winner().get("activation"));
    assertEquals("adam", target.winner().get("optimizer"));
    assertEquals("32", target.winner().get("batch_size"));
    StudyTrace trace = replay.trace(replay.walk(grid));
    StudyTrace.Step hit = trace.firstReaching(target).orElseThrow();
    // Grid order: activation (relu, softmax, leakyrelu) x optimizer x batch size; the winner is
    // the 22nd point, and nothing before it is within 0.003.
    assertEquals(22, hit.trials());
    assertEquals(220, hit.modelEpochs());
    assertEquals(440.0, hit.seconds(), 1e-9);
    assertEquals(27, trace.total().trials());
    assertEquals(270, trace.total().modelEpochs());
  }

  @Test
  void aHalvingReplayPaysForItsRungsOnly() {
    SearchSpace halving = Recordings.space("replayed", "algorithm: halving\neta: 3\nmin_epochs: 1");
    Replay replay = Replay.of(Recordings.synthetic(10), halving);
    ScheduleWalk.Walked walked = replay.walk(halving);
    assertEquals(List.of(27, 9, 3), walked.stages().stream().map(s -> s.trials().size()).toList());
    StudyTrace trace = replay.trace(walked);
    assertEquals(27 + 9 * 2 + 3 * 7, trace.total().modelEpochs());
    assertEquals(27, trace.total().trials());
    StudyTrace.Step hit = trace.firstReaching(replay.target(0.003)).orElseThrow();
    assertEquals(10, hit.epochs(), "only the top rung reaches the winner's value");
    assertEquals(27 + 18 + 7, hit.modelEpochs(), "the winner is the first trial of the top rung");
  }

  @Test
  void simulationFiguresAreMediansOverSeeds() {
    SearchSpace random = Recordings.space("replayed", "algorithm: random\nsamples: 27");
    Replay replay = Replay.of(Recordings.synthetic(10), random);
    Target target = replay.target(0.003);
    AlgorithmFigures f = Simulation.run(replay, List.of(random), 9, target, 50).get(0);
    assertEquals(9, f.seeds());
    assertEquals(9, f.found(), "27 samples of 27 points always include the winner");
    List<Double> trials = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      StudyTrace t = replay.trace(replay.walk(random.withSeed(random.seed() + i)));
      trials.add((double) t.firstReaching(target).orElseThrow().trials());
    }
    trials.sort(null);
    assertEquals(trials.get(4), f.trialsToTarget(), "the median seed's count: " + trials);
    assertEquals(f.trialsToTarget() * 10, f.modelEpochsToTarget());
    assertEquals(27, f.trials());
    assertTrue(f.bestWithinBudget() <= target.best(), "5 trials' best at most the best");
  }
}
