package dev.tunebeam.trainer.contract;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@link Trainable} returns: final metrics to report at its last step (merged with what it
 * reported there), or none when {@link TrialContext#report} already said everything.
 */
public record TrialOutcome(Map<String, Double> metrics) {
  public TrialOutcome {
    metrics = Map.copyOf(new LinkedHashMap<>(metrics));
  }

  public static TrialOutcome of(Map<String, Double> finalMetrics) {
    return new TrialOutcome(finalMetrics);
  }

  public static TrialOutcome reported() {
    return new TrialOutcome(Map.of());
  }
}
