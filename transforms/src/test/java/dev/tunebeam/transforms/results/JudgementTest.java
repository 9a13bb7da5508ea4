package dev.tunebeam.transforms.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.transforms.study.Judgement;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A result carries one judgement, and is rebuilt from its builder without losing a field. */
class JudgementTest {
  @Test
  void evaluatingSetsOneJudgementAtTheChosenEpoch() {
    TrialResult r = Objectives.DEFAULT.evaluate(Results.ok("relu", 0.91, 0.90));
    assertEquals(new Judgement(Map.of("val_accuracy", 0.91), 1, 0.91), r.judgement());
    assertEquals(0.91, r.objectiveValue());
    assertEquals(1, r.chosenEpoch());
    assertEquals(0.90, r.finalTestAccuracy());
  }

  @Test
  void toBuilderKeepsEveryFieldAndWithMethodsChangeOne() {
    TrialResult r = Objectives.DEFAULT.evaluate(Results.ok("relu", 0.91, 0.90));
    assertEquals(r, r.toBuilder().build());
    TrialResult failed = r.failedWith("boom");
    assertEquals(TrialStatus.FAILED, failed.status());
    assertEquals(Judgement.NONE, failed.judgement(), "a failed trial keeps no judgement");
    assertEquals(r.history(), failed.history());
    assertEquals(TrialStatus.STOPPED, r.withStatus(TrialStatus.STOPPED).status());
    assertEquals(r.judgement(), r.withStatus(TrialStatus.STOPPED).judgement());
  }

  @Test
  void anUnjudgedResultHasNoValues() {
    TrialResult r = Results.ok("relu", 0.91, 0.90);
    assertEquals(Judgement.NONE, r.judgement());
    assertTrue(Double.isNaN(r.objectiveValue()));
    assertEquals(0, r.chosenEpoch());
  }

  @Test
  void aMetricListedTwiceIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Objectives(List.of(Objective.DEFAULT, Objective.DEFAULT)));
    assertTrue(e.getMessage().contains("val_accuracy twice"), e.getMessage());
  }
}
