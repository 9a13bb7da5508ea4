package dev.tunebeam.transforms.exec;

import dev.tunebeam.transforms.run.StudyRun;
import dev.tunebeam.transforms.study.Trial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.PriorityQueue;
import java.util.function.LongSupplier;

/**
 * One run's queue of groups for one kind of executor in this JVM, and the lanes that pull from it.
 * Every stage of the run (a grid's one stage, each rung of successive halving, each TPE round,
 * Hyperband's brackets side by side) puts its groups here, and a lane that is free takes the
 * longest group left, whichever stage queued it: nothing is dealt onto a lane in advance, so a lane
 * that drew slow groups simply takes fewer, and the last groups end together. A lane is a thread of
 * this queue; it ends after {@link #IDLE_SECONDS} without work or when the run is closed, and a
 * later group starts it again.
 *
 * <p>Each lane's state (its group, when it took it, how far its members are) is kept for the ETA:
 * the work left on each lane at that lane's pace ({@link LaneEta}).
 */
final class RunQueue implements AutoCloseable {
  static final long IDLE_SECONDS = 60;

  private final String name;
  private final int lanes;
  private final GroupLoop loop;
  private final LongSupplier nanos;
  private final PriorityQueue<QueuedGroup> queue = new PriorityQueue<>();
  private final LaneState[] state;
  private final Thread[] threads;
  private long seq;
  private boolean closed;

  RunQueue(String name, int lanes, GroupLoop loop, LongSupplier nanos) {
    this.name = name;
    this.lanes = Math.max(1, lanes);
    this.loop = loop;
    this.nanos = nanos;
    this.state = new LaneState[this.lanes];
    this.threads = new Thread[this.lanes];
    for (int i = 0; i < this.lanes; i++) {
      state[i] = new LaneState();
    }
  }

  /**
   * The queue of {@code run} for {@code executor}'s kind (its backend and lane count) in this JVM.
   * Two transforms of one run with the same backend and lanes share it and its lanes; groups carry
   * the executor that runs them.
   */
  static RunQueue of(StudyRun run, TrialExecutor executor) {
    String key = "exec.queue." + executor.backend() + "." + executor.lanes();
    return run.state()
        .part(
            key,
            RunQueue.class,
            () -> {
              RunQueue q =
                  new RunQueue(
                      executor.backend(),
                      executor.lanes(),
                      new GroupLoop(run, executor.threadsPerLane()),
                      System::nanoTime);
              StudyProgress.of(run).track(q);
              return q;
            });
  }

  int lanes() {
    return lanes;
  }

  /** Queues a stage's groups; free lanes take them at once. */
  synchronized void offer(TrialExecutor executor, Stage stage, Collection<List<Trial>> groups) {
    if (closed) {
      throw new IllegalStateException("the run was closed; its " + name + " lanes take no work");
    }
    for (List<Trial> g : groups) {
      queue.add(QueuedGroup.of(executor, stage, g, seq++));
    }
    startLanes();
    notifyAll();
  }

  /** Drops a stage's groups that no lane took yet (its DoFn was interrupted). */
  synchronized void cancel(Stage stage) {
    queue.removeIf(g -> g.stage() == stage);
  }

  private void startLanes() {
    int wanted = Math.min(lanes, queue.size() + busyLanes());
    for (int i = 0; i < lanes && running() < wanted; i++) {
      if (threads[i] == null) {
        int lane = i;
        Thread t = new Thread(() -> runLane(lane), "tunebeam-lane-" + name + "-" + i);
        t.setDaemon(true);
        threads[i] = t;
        t.start();
      }
    }
  }

  private int running() {
    int n = 0;
    for (Thread t : threads) {
      n += t == null ? 0 : 1;
    }
    return n;
  }

  private int busyLanes() {
    int n = 0;
    for (LaneState s : state) {
      n += s.group == null ? 0 : 1;
    }
    return n;
  }

  private void runLane(int lane) {
    LaneContext context = new LaneContext(lane);
    try {
      for (QueuedGroup g = take(lane); g != null; g = take(lane)) {
        context.running(g);
        try {
          loop.run(g, context, this);
        } finally {
          context.running(null);
          finished(lane);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      synchronized (this) {
        threads[lane] = null;
        // A lane that ended while work remained (interrupted) hands its place to a new one.
        if (!closed && !queue.isEmpty()) {
          startLanes();
        }
      }
    }
  }

  /** The longest group left, or null once the lane was idle for {@link #IDLE_SECONDS}. */
  private synchronized QueuedGroup take(int lane) throws InterruptedException {
    long deadline = nanos.getAsLong() + IDLE_SECONDS * 1_000_000_000L;
    while (queue.isEmpty() && !closed) {
      long waitMillis = (deadline - nanos.getAsLong()) / 1_000_000;
      if (waitMillis <= 0) {
        return null;
      }
      wait(waitMillis);
    }
    if (closed) {
      return null;
    }
    QueuedGroup g = queue.poll();
    state[lane].start(g, nanos.getAsLong());
    return g;
  }

  /** The group on {@code lane} ended; again once its results are handed on, a no-op. */
  synchronized void finished(int lane) {
    state[lane].finish(nanos.getAsLong());
  }

  /** Puts members of a failed group back, each alone, for the next free lane. */
  synchronized void retry(QueuedGroup failed, List<Trial> alone) {
    for (Trial t : alone) {
      queue.add(QueuedGroup.of(failed.executor(), failed.stage(), List.of(t), seq++));
    }
    startLanes();
    notifyAll();
  }

  /** A member of the group on {@code lane} reported epoch {@code epoch} of {@code epochs}. */
  synchronized void epoch(int lane, String trial, int epoch, int epochs) {
    state[lane].epoch(trial, epoch, epochs);
  }

  /** Seconds until this queue's work is done at each lane's pace; empty before any pace. */
  synchronized OptionalDouble etaSeconds() {
    long now = nanos.getAsLong();
    double[] left = new double[lanes];
    double[] pace = new double[lanes];
    for (int i = 0; i < lanes; i++) {
      left[i] = state[i].left();
      pace[i] = state[i].pace(now);
    }
    List<Double> queued = new ArrayList<>();
    queue.forEach(g -> queued.add(g.work()));
    return LaneEta.seconds(left, pace, queued);
  }

  /** Groups waiting for a lane. */
  synchronized int queued() {
    return queue.size();
  }

  /** Idle lanes end; a lane still running a group ends after it, and nothing queued starts. */
  @Override
  public synchronized void close() {
    closed = true;
    queue.clear();
    notifyAll();
  }

  /** What one lane is doing, for the ETA. */
  private static final class LaneState {
    private QueuedGroup group;
    private long startNanos;
    private final Map<String, Double> fractionDone = new HashMap<>();
    private double lastWork = Double.NaN;
    private double lastSeconds = Double.NaN;

    void start(QueuedGroup g, long now) {
      group = g;
      startNanos = now;
      fractionDone.clear();
    }

    void epoch(String trial, int epoch, int epochs) {
      if (group != null && epochs > 0) {
        fractionDone.put(trial, Math.min(1.0, (double) epoch / epochs));
      }
    }

    /** A group's pace counts only from what its members reported: a failed group has none. */
    void finish(long now) {
      double done = done();
      if (group != null && done > 0) {
        lastWork = done;
        lastSeconds = (now - startNanos) / 1e9;
      }
      group = null;
      fractionDone.clear();
    }

    /** The current group's work done so far, by its members' reported epochs. */
    private double done() {
      if (group == null) {
        return 0;
      }
      double done = 0;
      for (Trial t : group.trials()) {
        done += group.executor().work(t) * fractionDone.getOrDefault(t.id(), 0.0);
      }
      return done;
    }

    double left() {
      return group == null ? 0 : Math.max(0, group.work() - done());
    }

    /**
     * Work per second over this lane's last finished group and its current one (a slowing lane
     * shows within a group); NaN before either has a figure.
     */
    double pace(long now) {
      double work = 0;
      double seconds = 0;
      if (Double.isFinite(lastWork) && lastSeconds > 0) {
        work += lastWork;
        seconds += lastSeconds;
      }
      double done = done();
      if (group != null && done > 0) {
        work += done;
        seconds += (now - startNanos) / 1e9;
      }
      return seconds > 0 ? work / seconds : Double.NaN;
    }
  }

  /** The lane as an executor sees it. */
  private final class LaneContext implements Lane {
    private final int index;
    private QueuedGroup group;

    LaneContext(int index) {
      this.index = index;
    }

    void running(QueuedGroup g) {
      this.group = g;
    }

    @Override
    public int idleLanes() {
      synchronized (RunQueue.this) {
        return queue.isEmpty() ? lanes - busyLanes() : 0;
      }
    }

    @Override
    public int index() {
      return index;
    }

    @Override
    public void line(String line) {
      loop.line(
          line,
          e -> {
            epoch(index, e.trial(), e.epoch(), e.epochs());
            count(GroupLoop.EPOCHS_COUNTER, 1);
          });
    }

    @Override
    public void count(String counter, long n) {
      QueuedGroup g = group;
      if (g != null) {
        g.stage().count(g.executor().metricsNamespace(), counter, n);
      }
    }
  }
}
