package dev.tunebeam.transforms.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.results.Objective;
import dev.tunebeam.transforms.results.TrialResult;
import dev.tunebeam.transforms.results.TrialStatus;
import dev.tunebeam.transforms.space.Scale;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.Trial;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A TPE round: deterministic, and its points spread out instead of landing beside each other. */
class TpeProposalsTest {
  private static final int BATCH = 6;

  private static SearchSpace space(long seed) {
    return SearchSpace.builder("liar")
        .random(1, seed)
        .doubleRange("learning_rate", 1e-4, 1.0, Scale.LOG, null)
        .build();
  }

  /** Best at learning_rate 0.01. */
  private static TrialResult result(Trial t) {
    double d = Math.log10(Double.parseDouble(t.get("learning_rate"))) + 2;
    EpochRecord e = EpochRecord.of(1, 0, java.util.Map.of(EpochRecord.VAL_ACCURACY, -d * d));
    return TrialResult.of(t, "synthetic", TrialStatus.SUCCEEDED, List.of(e), "cpu", 0, 0, null);
  }

  private static List<TrialResult> finished(SearchSpace space, long seed) {
    return space.randomTrials(20, seed).stream().map(TpeProposalsTest::result).toList();
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
        TpeProposals.propose(space, Objective.DEFAULT, done, BATCH, 1),
        TpeProposals.propose(space, Objective.DEFAULT, done, BATCH, 1));
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
      List<Trial> batch = TpeProposals.propose(space, Objective.DEFAULT, done, BATCH, 1);
      List<Trial> alone = new ArrayList<>();
      for (int r = 1; r <= BATCH; r++) {
        alone.addAll(TpeProposals.propose(space, Objective.DEFAULT, done, 1, r));
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
}
