package dev.tunebeam.transforms.run;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.beam.sdk.annotations.Internal;

/**
 * What is live about one {@link StudyRun} in this JVM: the failures counted so far, and the parts a
 * backend keeps for the run (the local trainer's progress and worker pool), each created on first
 * use under a key of the backend's choosing. Not serializable: DoFns carry the handle and look this
 * up.
 */
@Internal
public final class RunState {
  private final AtomicInteger failures = new AtomicInteger();
  private final Map<String, Object> parts = new ConcurrentHashMap<>();

  RunState() {}

  /** Failed trials of the run, every backend together. */
  public AtomicInteger failures() {
    return failures;
  }

  /** The run's part under {@code key}, created by {@code create} the first time it is asked for. */
  public <T> T part(String key, Class<T> type, Supplier<T> create) {
    return type.cast(parts.computeIfAbsent(key, k -> create.get()));
  }

  /**
   * Closes the parts that hold resources (the local trainer's worker processes); the first failure
   * is thrown, after all were tried.
   */
  void close() {
    RuntimeException first = null;
    for (Object part : parts.values()) {
      if (part instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          if (first == null) {
            first = e instanceof RuntimeException r ? r : new IllegalStateException(e);
          } else {
            first.addSuppressed(e);
          }
        }
      }
    }
    parts.clear();
    if (first != null) {
      throw first;
    }
  }
}
