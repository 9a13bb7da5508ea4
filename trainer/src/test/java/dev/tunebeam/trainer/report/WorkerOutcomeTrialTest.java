package dev.tunebeam.trainer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A saved outcome names its trial, so another trial's file copied in is not taken (issue 25). */
class WorkerOutcomeTrialTest {
  private static final Map<String, String> A = Map.of("lr", "0.1", "m", "a");

  @Test
  void anOutcomeNamesItsTrialAndIsItsOwnResultOnly() {
    WorkerOutcome saved =
        WorkerOutcome.fromJson(WorkerOutcome.succeeded().withTrial("t-a", A).toJson());
    assertEquals("t-a", saved.trial());
    assertEquals(Optional.empty(), saved.notTheResultOf("t-a", Map.of("m", "a", "lr", "0.1")));
    assertEquals(
        Optional.of("its outcome.json belongs to trial t-a, not t-b"),
        saved.notTheResultOf("t-b", A));
    assertTrue(
        saved
            .notTheResultOf("t-a", Map.of("lr", "0.2", "m", "a"))
            .orElseThrow()
            .startsWith("its outcome.json records other parameters"));
  }

  @Test
  void anOutcomeThatNamesNoTrialIsNobodysResult() {
    WorkerOutcome old = WorkerOutcome.fromJson("{\"status\":\"SUCCEEDED\"}".getBytes());
    assertEquals(Optional.of("its outcome.json names no trial"), old.notTheResultOf("t-a", A));
  }
}
