package dev.tunebeam.trainer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A saved outcome names its trial, so another trial's file copied in is not taken (issue 25). */
class WorkerOutcomeTrialTest {
  private static final Map<String, String> A = Map.of("lr", "0.1", "m", "a");

  @Test
  void anOutcomeNamesItsTrialAndIsItsOwnResultOnly() {
    WorkerOutcome saved =
        WorkerOutcome.fromJson(WorkerOutcome.succeeded().withTrial("t-a", A).toJson());
    assertEquals("t-a", saved.trial());
    assertEquals(
        Optional.empty(), saved.notTheResultOf("t-a", Map.of("m", "a", "lr", "0.1"), Set.of()));
    assertEquals(
        Optional.of("its outcome.json belongs to trial t-a, not t-b"),
        saved.notTheResultOf("t-b", A, Set.of()));
    assertTrue(
        saved
            .notTheResultOf("t-a", Map.of("lr", "0.2", "m", "a"), Set.of())
            .orElseThrow()
            .startsWith("its outcome.json records other parameters"));
  }

  /** A schedule's next rung asks the same trial for more epochs: the rung's own check decides. */
  @Test
  void parametersThatMayDifferAreNotCompared() {
    WorkerOutcome rung =
        WorkerOutcome.succeeded().withTrial("t-a", Map.of("m", "a", "num_epochs", "1"));
    assertEquals(
        Optional.empty(),
        rung.notTheResultOf("t-a", Map.of("m", "a", "num_epochs", "2"), Set.of("num_epochs")));
  }

  @Test
  void anOutcomeThatNamesNoTrialIsNobodysResult() {
    WorkerOutcome old = WorkerOutcome.fromJson("{\"status\":\"SUCCEEDED\"}".getBytes());
    assertEquals(
        Optional.of("its outcome.json names no trial"), old.notTheResultOf("t-a", A, Set.of()));
  }
}
