package dev.tunebeam.transforms.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.search.tpe.TpeSampler;
import dev.tunebeam.transforms.space.Scale;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A TPE round: deterministic, and its points spread out instead of landing beside each other. */
class ProposalsTest {
  private static final int BATCH = 6;

  private static SearchSpace space(long seed) {
    return SearchSpace.builder("liar")
        .random(1, seed)
        .doubleRange("learning_rate", 1e-4, 1.0, Scale.LOG, null)
        .build();
  }

  private static Proposer tpe(SearchSpace space) {
    return new TpeSampler(space.conditional());
  }

  /** Best at learning_rate 0.01. */
  private static TrialResult result(Trial t) {
    double d = Math.log10(Double.parseDouble(t.get("learning_rate"))) + 2;
    EpochRecord e = EpochRecord.of(1, 0, java.util.Map.of(EpochRecord.VAL_ACCURACY, -d * d));
    return TrialResult.of(t, "synthetic", TrialStatus.SUCCEEDED, List.of(e), "cpu", 0, 0, null);
  }

  private static List<TrialResult> finished(SearchSpace space, long seed) {
    return space.randomTrials(20, seed).stream().map(ProposalsTest::result).toList();
  }

  /** The smallest distance, in decades of learning rate, between two of the points. */
  private static double closest(List<Trial> points) {
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < points.size(); i++) {
      for (int j = i + 1; j < points.size(); j++) {
        double a = Math.log10(Double.parseDouble(points.get(i).get("learning_rate")));
        double b = Math.log10(Double.parseDouble(points.get(j).get("learning_rate")));
        min = Math.min(min, Math.abs(a - b));
      }
    }
    return min;
  }

  @Test
  void theSameResultsAndRoundGiveTheSameProposals() {
    SearchSpace space = space(3);
    List<TrialResult> done = finished(space, 3);
    assertEquals(
        Proposals.propose(space, Objective.DEFAULT, tpe(space), done, BATCH, 1),
        Proposals.propose(space, Objective.DEFAULT, tpe(space), done, BATCH, 1));
  }

  @Test
  void aRoundsPointsAreFartherApartThanIndependentDraws() {
    // Independent draws from the same fitted model (one point per call, each its own seed) are
    // what a round would be if its earlier points did not count; the round must spread wider.
    double round = 0;
    double independent = 0;
    for (long seed = 1; seed <= 10; seed++) {
      SearchSpace space = space(seed);
      List<TrialResult> done = finished(space, seed);
      List<Trial> batch = Proposals.propose(space, Objective.DEFAULT, tpe(space), done, BATCH, 1);
      List<Trial> alone = new ArrayList<>();
      for (int r = 1; r <= BATCH; r++) {
        alone.addAll(Proposals.propose(space, Objective.DEFAULT, tpe(space), done, 1, r));
      }
      assertEquals(BATCH, batch.size());
      round += closest(batch);
      independent += closest(alone);
    }
    assertTrue(
        round > 2 * independent,
        "mean closest pair: round "
            + round / 10
            + " decades, independent draws "
            + independent / 10);
  }

  /**
   * With two objectives a proposer sees both values (larger is better), and TPE proposes with the
   * multi-objective split: deterministic, and round after round its points approach the front of a
   * problem where the two objectives pull the learning rate apart.
   */
  @Test
  void twoObjectivesReachTheProposerAndTpeApproachesTheirFront() {
    SearchSpace space = space(9);
    dev.tunebeam.transforms.study.Objectives two =
        new dev.tunebeam.transforms.study.Objectives(
            List.of(
                Objective.DEFAULT,
                new Objective(
                    EpochRecord.TRAIN_SECONDS,
                    Objective.Goal.MINIMIZE,
                    Objective.Measurement.BEST)));
    List<TrialResult> done = new ArrayList<>(twoObjective(space.randomTrials(10, 9)));
    List<List<Observation>> seen = new ArrayList<>();
    Proposals.propose(
        space,
        two,
        (finished, pending, rng) -> {
          seen.add(finished);
          return tpe(space).propose(finished, pending, rng);
        },
        done,
        1,
        1);
    Observation first = seen.get(0).get(0);
    assertEquals(2, first.values().size());
    assertEquals(first.value(), first.values().get(0));
    assertTrue(first.values().get(1) < 0, "seconds minimised: larger is better means negated");

    assertEquals(
        Proposals.propose(space, two, tpe(space), done, BATCH, 1),
        Proposals.propose(space, two, tpe(space), done, BATCH, 1));
    for (int round = 1; round <= 5; round++) {
      done.addAll(twoObjective(Proposals.propose(space, two, tpe(space), done, BATCH, round)));
    }
    // Every point of [1e-3, 1e-1] is on the front: no other rate is better in both.
    long onFront =
        done.subList(10, done.size()).stream()
            .map(r -> Math.log10(Double.parseDouble(r.trial().get("learning_rate"))))
            .filter(d -> d >= -3 && d <= -1)
            .count();
    long randomOnFront =
        space.randomTrials(30, 9).stream()
            .map(t -> Math.log10(Double.parseDouble(t.get("learning_rate"))))
            .filter(d -> d >= -3 && d <= -1)
            .count();
    assertTrue(
        onFront > randomOnFront,
        "proposed on the front: " + onFront + " of 30, random " + randomOnFront);
    // Along the whole front, not only at the first objective's best (-3), where TPE on accuracy
    // alone would stay.
    List<Double> proposed =
        done.subList(10, done.size()).stream()
            .map(r -> Math.log10(Double.parseDouble(r.trial().get("learning_rate"))))
            .toList();
    long accurateHalf = proposed.stream().filter(d -> d >= -3 && d < -2).count();
    long fastHalf = proposed.stream().filter(d -> d >= -2 && d <= -1).count();
    assertTrue(
        accurateHalf >= 5 && fastHalf >= 5,
        "both halves of the front: " + accurateHalf + " and " + fastHalf + " of " + proposed);
  }

  /** Accuracy best at learning rate 1e-3, seconds best at 1e-1: the front is the rates between. */
  private static List<TrialResult> twoObjective(List<Trial> trials) {
    List<TrialResult> out = new ArrayList<>();
    for (Trial t : trials) {
      double d = Math.log10(Double.parseDouble(t.get("learning_rate")));
      EpochRecord e =
          EpochRecord.of(
              1,
              0,
              java.util.Map.of(
                  EpochRecord.VAL_ACCURACY, -(d + 3) * (d + 3),
                  EpochRecord.TRAIN_SECONDS, (d + 1) * (d + 1)));
      out.add(TrialResult.of(t, "synthetic", TrialStatus.SUCCEEDED, List.of(e), "cpu", 0, 0, null));
    }
    return out;
  }
}
