package dev.tunebeam.trainer.train;

import dev.tunebeam.trainer.report.EpochRecord;
import java.util.List;

/**
 * One model of a training job and where its outputs go. Null directories write nothing there; a
 * null trial id is fine outside a search. {@code metricId} is the tag reported to hypertune, or
 * several separated by commas (a study with several objectives).
 */
public record MemberRun(
    String trialId,
    TrainingConfig config,
    String modelDir,
    String checkpointDir,
    String tensorboardDir,
    String metricId) {
  public static final String DEFAULT_METRIC_ID = EpochRecord.VAL_ACCURACY;

  /**
   * Validation accuracy; test accuracy when no images are held out (selection on the test set, as
   * the seed did).
   */
  /** The tags reported to hypertune, in order. */
  public List<String> metricIds() {
    return List.of(metricId.split(","));
  }

  public static String defaultMetricId(TrainingConfig config) {
    return config.validationSamples() > 0 ? EpochRecord.VAL_ACCURACY : EpochRecord.TEST_ACCURACY;
  }
}
