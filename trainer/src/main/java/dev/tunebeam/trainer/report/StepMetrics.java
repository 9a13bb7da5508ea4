package dev.tunebeam.trainer.report;

import java.util.Map;
import java.util.TreeMap;

/** The metrics a trainer reported for one step (an epoch): tag to value, tags in order. */
public record StepMetrics(long step, Map<String, Double> metrics) {
  public StepMetrics {
    metrics = java.util.Collections.unmodifiableMap(new TreeMap<>(metrics));
  }
}
