package dev.tunebeam.transforms.results;

import java.util.List;
import java.util.Map;

/**
 * One trial as the report and the TensorBoard summary see it, read from a {@link TrialResult} by
 * {@link ReportTrials} only: rank, status, parameters, the objective's value and the epoch it was
 * chosen at, every reported metric per epoch (NaN where an epoch lacks it), and, for a trial a
 * schedule stopped, the epoch it stopped at.
 */
record ReportTrial(
    int rank,
    String id,
    String status,
    Map<String, String> parameters,
    double objective,
    int chosenEpoch,
    Map<String, List<Double>> metrics,
    int stoppedEpoch,
    String error,
    String location,
    String backend) {

  boolean plotted() {
    return status.equals("SUCCEEDED") || status.equals("STOPPED") ? Double.isFinite(objective) : false;
  }
}
