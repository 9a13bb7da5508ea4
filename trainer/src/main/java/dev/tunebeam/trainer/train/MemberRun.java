package dev.tunebeam.trainer.train;

/**
 * One model of a training job and where its outputs go. Null directories write nothing there;
 * a null trial id is fine outside a search.
 */
public record MemberRun(
    String trialId, TrainingConfig config, String modelDir, String checkpointDir, String tensorboardDir, String metricId) {
  public static final String DEFAULT_METRIC_ID = "test_accuracy";
}
