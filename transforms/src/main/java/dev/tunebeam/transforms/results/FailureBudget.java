package dev.tunebeam.transforms.results;

import java.io.Serializable;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code --maxFailedTrials}: once more than {@code maxFailed} trials of one run have failed, the
 * backends start no new trials (they become SKIPPED results). The count is shared by every
 * transform of the run in one JVM, which on the DirectRunner is the whole search; on a
 * distributed runner each worker JVM counts its own failures.
 */
public record FailureBudget(String runId, int maxFailed) implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();

  public static FailureBudget unbounded() {
    return new FailureBudget("unbounded", -1);
  }

  /** A fresh budget for one run; {@code maxFailed < 0} means no bound. */
  public static FailureBudget of(int maxFailed) {
    return new FailureBudget(UUID.randomUUID().toString(), maxFailed);
  }

  public boolean bounded() {
    return maxFailed >= 0;
  }

  public void recordFailure() {
    if (bounded()) {
      FAILURES.computeIfAbsent(runId, k -> new AtomicInteger()).incrementAndGet();
    }
  }

  public boolean exhausted() {
    return bounded() && FAILURES.getOrDefault(runId, new AtomicInteger()).get() > maxFailed;
  }

  /** The error text of a trial that was not started. */
  public String skipReason() {
    return "not run: more than " + maxFailed + " trials failed (--maxFailedTrials=" + maxFailed + ")";
  }
}
