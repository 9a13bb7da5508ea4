package dev.tunebeam.transforms.results;

import dev.tunebeam.transforms.space.Trial;
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

  static TrialResult ok(String activation, double best, double last) {
    Trial t = trial(activation);
    return new TrialResult(t, "local", TrialStatus.SUCCEEDED,
        List.of(new EpochResult(1, 0.9, 0.7, best, 2.0), new EpochResult(2, 0.5, 0.8, last, 2.0)), best, last, 0.5, "cpu()", 4.0, null, "/o");
  }

  static TrialResult failed(String activation, String error) {
    return TrialResult.failed(trial(activation), "vertex", error, 1.0, "job/1");
  }
}
