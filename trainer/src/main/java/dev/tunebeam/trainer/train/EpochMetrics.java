package dev.tunebeam.trainer.train;

/** One epoch of one model: what the reference prints, plus the epoch's wall time. */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double testAccuracy, double seconds) {}
