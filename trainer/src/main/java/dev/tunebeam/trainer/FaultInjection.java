package dev.tunebeam.trainer;

import dev.tunebeam.trainer.train.MemberRun;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * For resilience tests only: with {@code -Dtunebeam.faultInjection.crashTrial=<trial-id>}, a worker
 * training that trial dies the way a native library bug kills a process: by SIGSEGV, not an
 * exception. (A bad pointer dereferenced through {@code Unsafe} would not do: HotSpot turns that
 * into an {@code InternalError}.) Tests use it to check that such a crash takes down no other
 * trial.
 */
final class FaultInjection {
  static final String CRASH_TRIAL = "tunebeam.faultInjection.crashTrial";

  private FaultInjection() {}

  static void crashIfAsked(List<MemberRun> members) {
    String target = System.getProperty(CRASH_TRIAL);
    if (target == null || members.stream().noneMatch(m -> target.equals(m.trialId()))) {
      return;
    }
    System.err.println("fault injection: sending SIGSEGV to this worker while training " + target);
    try {
      new ProcessBuilder("kill", "-SEGV", String.valueOf(ProcessHandle.current().pid()))
          .inheritIO()
          .start()
          .waitFor();
      TimeUnit.SECONDS.sleep(30);
    } catch (IOException e) {
      throw new IllegalStateException("fault injection needs the kill command", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
