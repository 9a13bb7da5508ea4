package dev.tunebeam.trainer.report;

import java.util.Map;
import java.util.TreeMap;

/**
 * The metrics a trainer reported for one step (an epoch): tag to value, tags in order, and when the
 * step's last report was written ({@code timestamp}, seconds since the epoch; NaN if unknown).
 */
public record StepMetrics(long step, Map<String, Double> metrics, double timestamp) {
  public StepMetrics {
    metrics = java.util.Collections.unmodifiableMap(new TreeMap<>(metrics));
  }

  public StepMetrics(long step, Map<String, Double> metrics) {
    this(step, metrics, Double.NaN);
  }
}
