package dev.tunebeam.transforms.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.transforms.results.FailureBudget;
import dev.tunebeam.transforms.study.Objective;
import org.apache.beam.sdk.util.SerializableUtils;
import org.junit.jupiter.api.Test;

class StudyRunTest {
  @Test
  void aHandleReadBackInTheSameJvmFindsTheSameState() {
    try (StudyRun run = StudyRun.create(1, Objective.DEFAULT)) {
      run.failureBudget().recordFailure();
      // What Beam does to a DoFn's fields: serialize, deserialize.
      StudyRun copy = SerializableUtils.clone(run);
      assertNotSame(run, copy);
      assertEquals(run, copy);
      assertSame(run.state(), copy.state());
      FailureBudget budget = copy.failureBudget();
      assertEquals(1, budget.failures());
      assertFalse(budget.exhausted(), "1 failure is within a bound of 1");
      run.failureBudget().recordFailure();
      assertTrue(copy.failureBudget().exhausted());
    }
  }

  @Test
  void closingARunDropsItsStateAndAFreshRunStartsFromNothing() {
    StudyRun first = StudyRun.create(0, Objective.DEFAULT);
    first.failureBudget().recordFailure();
    assertTrue(first.live());
    first.close();
    assertFalse(first.live());
    try (StudyRun second = StudyRun.create(0, Objective.DEFAULT)) {
      assertEquals(0, second.failureBudget().failures());
      assertFalse(second.failureBudget().exhausted());
    }
  }

  @Test
  void unboundedRunsCountButNeverRunOut() {
    try (StudyRun run = StudyRun.create()) {
      for (int i = 0; i < 5; i++) {
        run.failureBudget().recordFailure();
      }
      assertEquals(5, run.failureBudget().failures());
      assertFalse(run.failureBudget().exhausted());
      assertEquals(Objective.DEFAULT, run.objective());
    }
  }

  @Test
  void aBoundBelowMinusOneIsRefusedNamingTheField() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> StudyRun.create(-2, Objective.DEFAULT));
    assertEquals(
        "maxFailedTrials -2 is not allowed; use -1 (no bound) or a count >= 0", e.getMessage());
  }

  @Test
  void aRunOfSeveralObjectivesRanksItsLiveResultsByAllOfThem() {
    dev.tunebeam.transforms.study.Objectives two =
        new dev.tunebeam.transforms.study.Objectives(
            java.util.List.of(
                Objective.DEFAULT,
                new Objective(
                    "train_seconds", Objective.Goal.MINIMIZE, Objective.Measurement.BEST)));
    try (StudyRun run = StudyRun.create(-1, two).withLiveResults("/tmp/live", "s")) {
      assertEquals(two, run.objectives(), "what the live results rank by");
      assertEquals(Objective.DEFAULT, run.objective(), "what progress lines show");
    }
  }
}
