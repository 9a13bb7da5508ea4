package dev.tunebeam.transforms.results;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.beam.sdk.annotations.Internal;

/**
 * A run's bound on failed trials over its live count ({@code StudyRun#failureBudget()}): once more
 * than {@code maxFailed} trials of the run have failed, the backends start no new trials (they
 * become SKIPPED results). {@code maxFailed < 0} means no bound.
 */
@Internal
public final class FailureBudget {
  private final int maxFailed;
  private final AtomicInteger failures;

  public FailureBudget(int maxFailed, AtomicInteger failures) {
    this.maxFailed = maxFailed;
    this.failures = failures;
  }

  public int maxFailed() {
    return maxFailed;
  }

  public boolean bounded() {
    return maxFailed >= 0;
  }

  public int failures() {
    return failures.get();
  }

  public void recordFailure() {
    failures.incrementAndGet();
  }

  public boolean exhausted() {
    return bounded() && failures.get() > maxFailed;
  }

  /** The error text of a trial that was not started. */
  public String skipReason() {
    return "not run: more than "
        + maxFailed
        + " trials failed (the run's maxFailedTrials is "
        + maxFailed
        + ")";
  }
}
