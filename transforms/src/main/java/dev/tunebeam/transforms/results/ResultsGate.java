package dev.tunebeam.transforms.results;

import dev.tunebeam.transforms.run.StudyRun;
import java.io.IOException;

/**
 * Orders a run's writes of its results files: the live rewrites made as trials finish take turns
 * with each other, and once the final leaderboard is being written no live rewrite happens any
 * more, so a late one can never replace the final files.
 */
public final class ResultsGate {
  /** A write of the results files. */
  @FunctionalInterface
  public interface Write {
    void run() throws IOException;
  }

  private boolean sealed;

  /** The gate of {@code run} in this JVM. */
  public static ResultsGate of(StudyRun run) {
    return run.state().part("results.gate", ResultsGate.class, ResultsGate::new);
  }

  /** Runs a live rewrite unless the final results were written; false when it was not run. */
  public synchronized boolean live(Write write) throws IOException {
    if (sealed) {
      return false;
    }
    write.run();
    return true;
  }

  /** The final results are being written: no live rewrite after this one. */
  public synchronized void seal() {
    sealed = true;
  }
}
