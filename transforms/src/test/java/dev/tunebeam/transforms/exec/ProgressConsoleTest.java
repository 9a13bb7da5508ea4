package dev.tunebeam.transforms.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.transforms.study.Objective;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressConsoleTest {
  @Test
  void aTerminalGetsOneLineRedrawnInPlace() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressConsole console =
        new ProgressConsole(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
    console.draw("trials 0/2 done");
    console.draw("trials 1/2 done");
    console.clear();
    console.draw("trials 2/2 done");
    console.end();
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(
        "\r\033[2Ktrials 0/2 done\r\033[2Ktrials 1/2 done\r\033[2K\r\033[2Ktrials 2/2 done\n", out);
    assertEquals(
        1, out.chars().filter(c -> c == '\n').count(), "a line redrawn, not a scroll of lines");
  }

  @Test
  void elsewhereNothingIsDrawnAndTheLogCarriesTheFigures() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressConsole console =
        new ProgressConsole(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
    console.draw("x");
    console.clear();
    console.end();
    assertEquals("", bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theTerminalDecision() {
    assertTrue(ProgressConsole.live(Map.of("TERM", "xterm-256color"), true));
    assertFalse(ProgressConsole.live(Map.of("TERM", "xterm"), false), "stdout piped or redirected");
    assertFalse(ProgressConsole.live(Map.of("TERM", "dumb"), true));
    assertFalse(
        ProgressConsole.live(Map.of("TERM", "xterm", "CI", "true"), true),
        "CI runners with a pseudo-terminal");
    assertTrue(ProgressConsole.live(Map.of("TUNEBEAM_PROGRESS", "line"), false));
    assertFalse(ProgressConsole.live(Map.of("TUNEBEAM_PROGRESS", "log", "TERM", "xterm"), true));
  }

  @Test
  void theStatusLineCountsTrialsEpochsEtaAndTheBestSoFar() {
    AtomicLong now = new AtomicLong();
    StudyProgress p = new StudyProgress(Objective.DEFAULT, now::get);
    p.planned(2, 4);
    assertEquals(
        "trials 0/2 done, 0 running, 0 failed | model-epochs 0/4 (0%) | ETA after the first epoch | best: none yet",
        p.statusLine());
    p.started(2);
    now.set(10_000_000_000L);
    p.epochFinished("a", 1, 2, 0.81, 0.5, 5);
    p.epochFinished("b", 1, 2, 0.78, 0.6, 5);
    // 2 of 4 model-epochs in 10 s: 10 s to go; the best is the objective's (val_accuracy by
    // default).
    assertEquals(
        "trials 0/2 done, 2 running, 0 failed | model-epochs 2/4 (50%) | ETA 10 s | best val_accuracy 0.8100",
        p.statusLine());
    assertFalse(p.finished(false));
    assertTrue(p.finished(true), "the last trial planned");
    assertEquals("trials 2/2 done, 0 running, 1 failed", p.statusLine().substring(0, 36));
  }

  @Test
  void theBestSoFarFollowsTheObjectiveNotTheTestSet() {
    StudyProgress p = new StudyProgress(Objective.DEFAULT);
    p.planned(1, 2);
    p.record(
        "@progress {\"trial\":\"a\",\"epoch\":1,\"epochs\":2,\"val_accuracy\":0.8,\"test_accuracy\":0.95,\"train_loss\":0.5,\"seconds\":1}");
    p.record(
        "@progress {\"trial\":\"a\",\"epoch\":2,\"epochs\":2,\"val_accuracy\":0.7,\"test_accuracy\":0.99,\"train_loss\":0.4,\"seconds\":1}");
    assertTrue(p.statusLine().endsWith("| best val_accuracy 0.8000"), p.statusLine());
  }
}
