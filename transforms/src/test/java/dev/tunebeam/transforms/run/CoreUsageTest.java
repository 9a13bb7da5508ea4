package dev.tunebeam.transforms.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Core-seconds the lanes kept busy over core-seconds available, on a clock the test moves. */
class CoreUsageTest {
  private static final long S = 1_000_000_000L;

  @Test
  void aLaneIdleAtTheEndShowsAsLostCoreTime() {
    AtomicLong now = new AtomicLong();
    CoreUsage usage = new CoreUsage(2, now::get);
    usage.start(1);
    usage.start(1);
    now.set(10 * S);
    usage.stop(1); // one lane runs out of work at 10 s
    now.set(20 * S);
    usage.stop(1); // the other trains alone until 20 s
    Utilisation u = usage.snapshot();
    assertEquals(30, u.busyCoreSeconds(), 1e-9);
    assertEquals(40, u.availableCoreSeconds(), 1e-9);
    assertEquals(0.75, u.fraction(), 1e-9);
  }

  @Test
  void aSpareWorkerSharesTheCoresInsteadOfAddingAny() {
    AtomicLong now = new AtomicLong();
    CoreUsage usage = new CoreUsage(2, now::get);
    usage.start(1);
    usage.start(1);
    usage.start(1);
    now.set(10 * S);
    usage.stop(1);
    usage.stop(1);
    usage.stop(1);
    assertEquals(1.0, usage.snapshot().fraction(), 1e-9);
  }

  @Test
  void aLastGroupThatBorrowsTheIdleCoreKeepsItBusy() {
    AtomicLong now = new AtomicLong();
    CoreUsage usage = new CoreUsage(2, now::get);
    usage.start(1);
    usage.start(1);
    now.set(10 * S);
    usage.stop(1); // one lane runs out of work at 10 s
    usage.adjust(1); // the other's next group spreads over its core
    now.set(20 * S);
    usage.adjust(-1);
    usage.stop(1);
    assertEquals(1.0, usage.snapshot().fraction(), 1e-9);
  }
}
