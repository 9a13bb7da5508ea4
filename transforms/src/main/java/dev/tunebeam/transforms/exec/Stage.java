package dev.tunebeam.transforms.exec;

import dev.tunebeam.transforms.study.TrialResult;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One DoFn call's share of a run's work: the lanes hand back each trial's result and every count
 * here, and the DoFn's own thread takes them, because Beam's outputs and counters belong to that
 * thread. The stage is over when a result came back for each of its trials.
 */
final class Stage {
  /** What the lanes hand back: a result, or a count for the pipeline's metrics. */
  sealed interface Event permits Result, Count {}

  record Result(TrialResult result) implements Event {}

  record Count(String namespace, String name, long n) implements Event {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final int trials;
  private final LiveResults live;
  private int results;

  Stage(int trials) {
    this(trials, null);
  }

  /** {@code live}: where this stage's trials show while they run (null: nowhere). */
  Stage(int trials, LiveResults live) {
    this.trials = trials;
    this.live = live;
  }

  /**
   * The live results this stage's trials go to: only on the DirectRunner, where one JVM sees the
   * whole study.
   */
  Optional<LiveResults> live() {
    return Optional.ofNullable(live);
  }

  /** From a lane: a member's result. */
  void deliver(TrialResult r) {
    events.add(new Result(r));
  }

  /** From a lane: a count. */
  void count(String namespace, String name, long n) {
    events.add(new Count(namespace, name, n));
  }

  /** On the DoFn's thread: the next event; a result counts towards the end. */
  Event take() throws InterruptedException {
    Event e = events.take();
    if (e instanceof Result) {
      results++;
    }
    return e;
  }

  /** On the DoFn's thread: whether every trial's result was taken and no count is left. */
  boolean over() {
    return results >= trials && events.isEmpty();
  }
}
