package dev.tunebeam.transforms.results;

import dev.tunebeam.transforms.study.TrialResult;
import java.util.List;
import java.util.Map;

/**
 * One trial as the report and the TensorBoard summary see it, read from a {@link TrialResult} by
 * {@link ReportTrials} only: rank, status, parameters, the objective's value and the epoch it was
 * chosen at, every reported metric per epoch (NaN where an epoch lacks it), and, for a trial a
 * schedule stopped, the epoch it stopped at. {@code epochs} numbers the history's records (a
 * trainer that continued from a checkpoint may report only its new epochs); {@code objectiveSoFar}
 * is the objective as it would have judged the trial stopped after each of them (NaN before the
 * metric was first reported), the value a schedule ranks a rung on. A trial that reported more
 * records than a chart can draw keeps only some of them ({@link CurvePoints}); {@code
 * reportedEpochs} counts them all.
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
    String backend,
    List<Integer> epochs,
    List<Double> objectiveSoFar,
    int reportedEpochs) {

  /** Whether the curves show fewer epochs than the trial reported ({@link CurvePoints}). */
  boolean thinned() {
    return reportedEpochs > epochs.size();
  }

  /** The last epoch the trial trained to; 0 when it reported none. */
  int reachedEpoch() {
    return epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1);
  }

  /**
   * The objective as of {@code epoch}: judged on the records up to it; NaN when none of them has
   * the metric.
   */
  double objectiveAt(int epoch) {
    double value = Double.NaN;
    for (int i = 0; i < epochs.size() && epochs.get(i) <= epoch; i++) {
      value = objectiveSoFar.get(i);
    }
    return value;
  }

  boolean plotted() {
    return status.equals("SUCCEEDED") || status.equals("STOPPED")
        ? Double.isFinite(objective)
        : false;
  }
}
