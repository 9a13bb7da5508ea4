package dev.tunebeam.trainer.train;

/**
 * One epoch of one model: what the reference prints, the epoch's wall time, and the part of it
 * spent training (the rest is the test evaluation), which throughput figures are computed from.
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double testAccuracy, double seconds, double trainSeconds) {}
