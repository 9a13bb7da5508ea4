package dev.tunebeam.trainer;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A pipeline's worker process ends when the pipeline's JVM does. Without this, killing a search
 * (Ctrl-C, SIGKILL, a lost Dataflow worker) would leave orphan trainers running and writing into
 * the output that a rerun is about to resume from.
 */
final class ParentWatch {
  /** Exit code of a worker whose parent went away. */
  static final int ORPHANED = 3;

  /** A long-lived worker runs many jobs; one watch is enough. */
  private static final AtomicBoolean WATCHING = new AtomicBoolean();

  private ParentWatch() {}

  /**
   * Polls rather than using {@code ProcessHandle.onExit()}: a parent that is not our waiter cannot
   * be waited for, and the JDK's fallback polls slowly; once a second costs nothing.
   */
  static void exitWhenParentDies() {
    Optional<ProcessHandle> parent = ProcessHandle.current().parent();
    if (parent.isEmpty() || !WATCHING.compareAndSet(false, true)) {
      return;
    }
    ProcessHandle p = parent.get();
    ScheduledExecutorService watch =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "parent-watch");
              t.setDaemon(true);
              return t;
            });
    watch.scheduleWithFixedDelay(
        () -> {
          if (!p.isAlive()) {
            System.err.println("parent process " + p.pid() + " ended; stopping this worker");
            Runtime.getRuntime().halt(ORPHANED);
          }
        },
        1,
        1,
        TimeUnit.SECONDS);
  }
}
