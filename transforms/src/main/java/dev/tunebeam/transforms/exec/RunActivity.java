package dev.tunebeam.transforms.exec;

import dev.tunebeam.transforms.run.StudyRun;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Which stages of a run are still waiting for their trials in this JVM, so a stage that finished
 * can hold its runner thread while others run. The DirectRunner's driver re-submits itself to the
 * runner's thread pool without pause, so any thread that is free becomes a core spent polling; a
 * stage that returns while another stage of the run trains would free one. Holding it until the
 * run's stages are all done and nothing new came for {@code grace} keeps the pool full; the last
 * stage to finish never holds, so a grid, a halving rung or a TPE round hands its results on at
 * once, and the grace covers the moment between one rung's end and the next rung's start.
 */
final class RunActivity {
  private final LongSupplier nanos;
  private int active;
  private long quietSince;

  RunActivity(LongSupplier nanos) {
    this.nanos = nanos;
    this.quietSince = nanos.getAsLong();
  }

  static RunActivity of(StudyRun run) {
    return run.state()
        .part("exec.activity", RunActivity.class, () -> new RunActivity(System::nanoTime));
  }

  synchronized void stageStarted() {
    active++;
    notifyAll();
  }

  /** A stage has all its results; true when other stages of the run are still running. */
  synchronized boolean stageEnded() {
    active--;
    if (active == 0) {
      quietSince = nanos.getAsLong();
    }
    notifyAll();
    return active > 0;
  }

  /**
   * Returns once no stage of the run has been running for {@code grace}: a stage that started
   * meanwhile (the next rung of another bracket) keeps the hold.
   */
  synchronized void awaitQuiet(Duration grace) throws InterruptedException {
    long graceNanos = grace.toNanos();
    while (true) {
      if (active == 0) {
        long left = quietSince + graceNanos - nanos.getAsLong();
        if (left <= 0) {
          return;
        }
        wait(Math.max(1, left / 1_000_000));
      } else {
        wait();
      }
    }
  }

  synchronized int active() {
    return active;
  }
}
