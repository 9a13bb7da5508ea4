package dev.tunebeam.transforms.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A run's idle {@link WarmWorker}s, one per lane at most (a slot holds a worker only while it
 * trains). Closed with the run; a worker idle for {@link #IDLE_SECONDS} also ends, so a runner that
 * never closes the run (a Dataflow worker) keeps no trainer JVMs between bundles.
 */
final class WarmWorkers implements AutoCloseable {
  static final long IDLE_SECONDS = 60;

  private final String heap;
  private final List<String> jvmOptions;
  private final Deque<WarmWorker> idle = new ArrayDeque<>();
  private final Map<WarmWorker, ScheduledFuture<?>> reapers = new IdentityHashMap<>();
  private boolean closed;
  // Started ahead (prestart) and still warming up; takers that find no idle worker wait for one
  // of these instead of starting another JVM, as many takers as there are warming workers.
  private int warming;
  private int waitingForWarm;

  WarmWorkers(String heap, List<String> jvmOptions) {
    this.heap = heap;
    this.jvmOptions = List.copyOf(jvmOptions);
  }

  /** The run's pool for workers started with these settings' heap and JVM options. */
  static WarmWorkers forRun(LocalSettings settings) {
    String key =
        "local.warmWorkers."
            + settings.workerHeap()
            + " "
            + String.join(" ", settings.workerJvmOptions());
    return settings
        .run()
        .state()
        .part(
            key,
            WarmWorkers.class,
            () -> new WarmWorkers(settings.workerHeap(), settings.workerJvmOptions()));
  }

  /**
   * Trains one group on an idle worker, or a new one; a reused worker that had ended meanwhile
   * (nothing of the job ran) is replaced by a new one once.
   */
  WorkerProcess.Exit train(
      Path groupFile, int threads, Path outcomeFile, long timeoutSeconds, Consumer<String> lines)
      throws IOException {
    for (boolean retried = false; ; retried = true) {
      WarmWorker worker = take();
      try {
        return worker.train(groupFile, threads, outcomeFile, timeoutSeconds, lines);
      } catch (WarmWorker.NotTaken e) {
        if (retried) {
          throw e;
        }
      } finally {
        giveBack(worker);
      }
    }
  }

  /**
   * Starts {@code count} workers now, each on a thread of its own loading the engine and parsing
   * the data ({@link WarmWorker#warmUp}), and pools them as idle: the lanes' first groups then find
   * a warm worker instead of paying a JVM start, the engine load and the data parse while the cores
   * could be training. Measured on the small halving study: rung 1 took 12 s with workers started
   * on demand.
   */
  void prestart(int count, String dataDir, int threads) {
    synchronized (this) {
      if (closed) {
        return;
      }
      warming += count;
    }
    for (int i = 0; i < count; i++) {
      Thread t = new Thread(() -> warmOne(dataDir, threads), "tunebeam-worker-warm-up-" + i);
      t.setDaemon(true);
      t.start();
    }
  }

  private void warmOne(String dataDir, int threads) {
    WarmWorker w = null;
    try {
      w = WarmWorker.start(heap, jvmOptions);
      w.warmUp(dataDir, threads);
    } catch (IOException | RuntimeException e) {
      // The lane that takes no warm worker starts its own, which reports what is wrong.
    }
    synchronized (this) {
      // Pooled and counted down in one step, so a waiting taker never sees neither.
      warming--;
      if (w != null && !closed && w.reusable()) {
        pool(w);
        w = null;
      }
      notifyAll();
    }
    if (w != null) {
      w.close();
    }
  }

  /** How many workers are idle in the pool now (for tests). */
  synchronized int idleCount() {
    return idle.size();
  }

  /**
   * An idle worker that can take a job, one still warming up (waited for), or a newly started one.
   */
  WarmWorker take() throws IOException {
    synchronized (this) {
      boolean waiting = false;
      try {
        while (true) {
          while (!idle.isEmpty()) {
            WarmWorker w = idle.pollLast();
            reapers.remove(w).cancel(false);
            if (w.reusable()) {
              return w;
            }
            w.close();
          }
          if (!waiting && warming > waitingForWarm) {
            waiting = true;
            waitingForWarm++;
          }
          if (!waiting || warming == 0 || closed) {
            break;
          }
          wait();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while a worker warmed up");
      } finally {
        if (waiting) {
          waitingForWarm--;
        }
      }
    }
    return WarmWorker.start(heap, jvmOptions);
  }

  /** Back to the pool when its job ended well, closed otherwise. */
  void giveBack(WarmWorker w) {
    synchronized (this) {
      if (!closed && w.reusable()) {
        pool(w);
        return;
      }
    }
    w.close();
  }

  /** Idle, and ended after {@link #IDLE_SECONDS} unless taken; called holding this pool's lock. */
  private void pool(WarmWorker w) {
    idle.addLast(w);
    reapers.put(w, WorkerProcess.WATCHDOG.schedule(() -> reap(w), IDLE_SECONDS, TimeUnit.SECONDS));
    notifyAll();
  }

  private void reap(WarmWorker w) {
    synchronized (this) {
      if (!idle.remove(w)) {
        return;
      }
      reapers.remove(w);
    }
    w.close();
  }

  @Override
  public void close() {
    List<WarmWorker> ending;
    synchronized (this) {
      closed = true;
      ending = List.copyOf(idle);
      idle.clear();
      reapers.values().forEach(r -> r.cancel(false));
      reapers.clear();
      notifyAll();
    }
    ending.forEach(WarmWorker::close);
  }
}
