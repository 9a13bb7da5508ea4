package dev.tunebeam.trainer.train;

import java.util.List;

/**
 * One model after training: its per-epoch history, its final weights (flat, in {@link
 * dev.tunebeam.trainer.model.LeNetLayout} order) and where and how long it ran.
 */
public record TrainingOutcome(
    TrainingConfig config, List<EpochMetrics> history, float[] parameters, String device, double wallSeconds, int fusedWith) {

  public double bestTestAccuracy() {
    return history.stream().mapToDouble(EpochMetrics::testAccuracy).max().orElse(Double.NaN);
  }

  public double finalTestAccuracy() {
    return history.isEmpty() ? Double.NaN : history.get(history.size() - 1).testAccuracy();
  }

  public double finalTrainLoss() {
    return history.isEmpty() ? Double.NaN : history.get(history.size() - 1).trainLoss();
  }
}
