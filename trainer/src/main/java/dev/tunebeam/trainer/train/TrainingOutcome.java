package dev.tunebeam.trainer.train;

import dev.tunebeam.trainer.report.EpochRecord;
import java.util.List;

/**
 * One model after training: its per-epoch history, its final weights (flat, in {@link
 * dev.tunebeam.trainer.model.LeNetLayout} order) and where and how long it ran. {@code
 * groupWallSeconds} is the wall time of the whole fused group of {@code fusedWith} models.
 */
public record TrainingOutcome(
    TrainingConfig config,
    List<EpochRecord> history,
    float[] parameters,
    String device,
    double groupWallSeconds,
    int fusedWith) {

  /** This model's share of its group's wall time. */
  public double wallSeconds() {
    return groupWallSeconds / Math.max(1, fusedWith);
  }

  public double finalMetric(String tag) {
    return history.isEmpty() ? Double.NaN : history.get(history.size() - 1).metric(tag);
  }

  public double bestMetric(String tag) {
    return history.stream()
        .mapToDouble(e -> e.metric(tag))
        .filter(v -> !Double.isNaN(v))
        .max()
        .orElse(Double.NaN);
  }
}
