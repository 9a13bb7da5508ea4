package dev.tunebeam.transforms.results;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made results for ranking and formatting tests. */
final class Results {
  private Results() {}

  static Trial trial(String activation) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("activation", activation);
    params.put("batch_size", "64");
    return Trial.of("s", params);
  }

  /** One epoch as the built-in trainer reports it. */
  static EpochRecord epoch(
      int epoch,
      double trainLoss,
      double trainAccuracy,
      double valAccuracy,
      double testAccuracy,
      double seconds) {
    return EpochRecord.of(
        epoch,
        seconds,
        Map.of(
            EpochRecord.TRAIN_LOSS,
            trainLoss,
            EpochRecord.TRAIN_ACCURACY,
            trainAccuracy,
            EpochRecord.VAL_ACCURACY,
            valAccuracy,
            EpochRecord.TEST_ACCURACY,
            testAccuracy));
  }

  /**
   * Two epochs: validation and test accuracy {@code first} then {@code last}; train loss 0.9 then
   * 0.5.
   */
  static TrialResult ok(String activation, double first, double last) {
    return TrialResult.of(
        trial(activation),
        "local",
        TrialStatus.SUCCEEDED,
        List.of(epoch(1, 0.9, 0.7, first, first, 2.0), epoch(2, 0.5, 0.8, last, last, 2.0)),
        "cpu",
        4.0,
        4.0,
        "/o");
  }

  static TrialResult failed(String activation, String error) {
    return TrialResult.failed(trial(activation), "vertex", error, 1.0, "job/1");
  }
}
