package dev.tunebeam.transforms.results;

import dev.tunebeam.transforms.space.Trial;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made results for ranking and formatting tests. */
final class Results {
  private Results() {}

  static TrialResult ok(String activation, double best, double last) {
    Trial t = Trial.of("s", params(activation));
    return new TrialResult(t, "local", TrialStatus.SUCCEEDED,
        List.of(new EpochResult(1, 0.9, 0.7, best, 2.0), new EpochResult(2, 0.5, 0.8, last, 2.0)), best, last, 0.5, "cpu()", 4.0, null, "/o");
  }

  static TrialResult failed(String activation, String error) {
    return TrialResult.failed(Trial.of("s", params(activation)), "vertex", error, 1.0, "job/1");
  }

  /** In a fixed order: Map.of iterates in an order that changes from one JVM to the next, and the columns follow it. */
  private static Map<String, String> params(String activation) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("activation", activation);
    p.put("batch_size", "64");
    return p;
  }
}
