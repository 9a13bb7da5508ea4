package dev.tunebeam.pipeline.study;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.transforms.search.Bracket;
import dev.tunebeam.transforms.search.Rung;
import dev.tunebeam.transforms.search.Schedule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A spare worker where a rung's last trials would leave a core idle for long, and only there. */
class SpareWorkerChoiceTest {
  /** Successive halving with eta 3 from one epoch: rungs of 27, 9 and 3 trials, or 9, 3 and 1. */
  private static Schedule halving(int trials, int topEpochs) {
    int k = trials / 9;
    List<Rung> rungs =
        List.of(
            new Rung(0, 0, 1, 0, 9 * k),
            new Rung(0, 1, 3, 1, 3 * k),
            new Rung(0, 2, topEpochs, 3, k));
    return new Schedule("halving", Schedule.Shape.RUNGS, topEpochs, List.of(new Bracket(0, rungs)));
  }

  @Test
  void theReferenceHalvingStudyGetsOne() {
    assertTrue(SpareWorkerChoice.pays(halving(27, 10), 60_000, 2));
  }

  @Test
  void aSmallStudyDoesNot() {
    // 3,000 images: its longest tail is rung 1's third trial, 2 epochs, 6,000 model-images.
    assertFalse(SpareWorkerChoice.pays(halving(9, 9), 3_000, 2));
    // The same rungs on all the images: a tail of 120,000 model-images.
    assertTrue(SpareWorkerChoice.pays(halving(9, 9), 60_000, 2));
  }

  @Test
  void rungsThatDivideAmongTheCoresHaveNoTail() {
    // 27, 9 and 3 trials on 3 cores; and 9, 3 and a lone top trial, which takes idle cores itself.
    assertFalse(SpareWorkerChoice.pays(halving(27, 10), 60_000, 3));
    assertFalse(SpareWorkerChoice.pays(halving(9, 9), 60_000, 3));
  }

  @Test
  void oneShotStudiesNever() {
    Schedule grid =
        new Schedule(
            "grid",
            Schedule.Shape.ONE_SHOT,
            10,
            List.of(new Bracket(0, List.of(new Rung(0, 0, 10, 0, 27)))));
    assertFalse(SpareWorkerChoice.pays(grid, 60_000, 2));
  }
}
