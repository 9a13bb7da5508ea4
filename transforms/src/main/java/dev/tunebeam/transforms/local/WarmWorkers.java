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

  /** An idle worker that can take a job, or a newly started one. */
  WarmWorker take() throws IOException {
    synchronized (this) {
      while (!idle.isEmpty()) {
        WarmWorker w = idle.pollLast();
        reapers.remove(w).cancel(false);
        if (w.reusable()) {
          return w;
        }
        w.close();
      }
    }
    return WarmWorker.start(heap, jvmOptions);
  }

  /** Back to the pool when its job ended well, closed otherwise. */
  void giveBack(WarmWorker w) {
    synchronized (this) {
      if (!closed && w.reusable()) {
        idle.addLast(w);
        reapers.put(
            w, WorkerProcess.WATCHDOG.schedule(() -> reap(w), IDLE_SECONDS, TimeUnit.SECONDS));
        return;
      }
    }
    w.close();
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
    }
    ending.forEach(WarmWorker::close);
  }
}
