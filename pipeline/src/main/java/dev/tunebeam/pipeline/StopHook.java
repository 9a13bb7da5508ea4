package dev.tunebeam.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a run stopped by a signal (SIGTERM, Ctrl-C: the JVM's shutdown) still owes: its trainers,
 * worker JVMs and their children ended, then its output lock released, so a rerun from another host
 * (a rescheduled pod) is not refused for {@code OutputLock.STALE_AFTER}. Registered for the time
 * the run holds its lock; a run that ends normally removes it.
 *
 * <p>Every descendant of this JVM is the run's: the main job starts no other processes. They get
 * SIGTERM first (a trainer may save a checkpoint), and are killed after {@link #GRACE}.
 */
final class StopHook {
  static final Duration GRACE = Duration.ofSeconds(5);

  private final Thread thread;
  private volatile AutoCloseable lock;

  private StopHook() {
    this.thread = new Thread(() -> stop(lock), "tunebeam-stop");
  }

  /**
   * Registers a hook that ends this JVM's child processes, and closes the lock once {@link #guard}
   * gave it one. Installed before anything starts a process: building the pipeline can already
   * start one (the fusion probe's JVM).
   */
  static StopHook install() {
    StopHook hook = new StopHook();
    Runtime.getRuntime().addShutdownHook(hook.thread);
    return hook;
  }

  /** The run now holds {@code lock}: a signal releases it too. */
  void guard(AutoCloseable lock) {
    this.lock = lock;
  }

  /** The run ended by itself: nothing is owed any more. */
  void remove() {
    try {
      Runtime.getRuntime().removeShutdownHook(thread);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to: it does the same work.
    }
  }

  private static void stop(AutoCloseable lock) {
    endChildren();
    if (lock != null) {
      try {
        lock.close();
      } catch (Exception e) {
        System.err.println("warning: cannot release the output lock on shutdown: " + e);
      }
    }
  }

  /** SIGTERM to every descendant, then SIGKILL to those still running after {@link #GRACE}. */
  static void endChildren() {
    List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
    children.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + GRACE.toNanos();
    for (ProcessHandle p : children) {
      long left = deadline - System.nanoTime();
      try {
        if (left > 0) {
          p.onExit().get(left, TimeUnit.NANOSECONDS);
        }
      } catch (Exception notYet) {
        // Killed below.
      }
    }
    // Processes started meanwhile (a lane starting its next trial) are ended too.
    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
  }
}
