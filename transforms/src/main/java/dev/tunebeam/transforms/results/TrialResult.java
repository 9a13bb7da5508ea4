package dev.tunebeam.transforms.results;

import dev.tunebeam.trainer.report.MetricsReport;
import dev.tunebeam.trainer.report.Secrets;
import dev.tunebeam.transforms.space.Trial;
import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/**
 * What became of a trial: {@code SUCCEEDED} with its metrics, {@code FAILED} with the reason
 * (credentials removed), or {@code SKIPPED} when a failure bound stopped the search first.
 * {@code backend} is where it ran ({@code local} or {@code vertex}), {@code location} the job or
 * folder that holds its artifacts.
 */
@DefaultCoder(SerializableCoder.class)
public record TrialResult(
    Trial trial,
    String backend,
    TrialStatus status,
    List<EpochResult> history,
    double bestTestAccuracy,
    double finalTestAccuracy,
    double finalTrainLoss,
    String device,
    double wallSeconds,
    String error,
    String location) implements Serializable {
  private static final long serialVersionUID = 1L;

  public TrialResult {
    history = List.copyOf(history);
    error = Secrets.redact(error);
  }

  public static TrialResult succeeded(Trial trial, String backend, MetricsReport m, String location) {
    List<EpochResult> history = m.history().stream()
        .map(e -> new EpochResult(e.epoch(), e.trainLoss(), e.trainAccuracy(), e.testAccuracy(), e.seconds()))
        .toList();
    return new TrialResult(trial, backend, TrialStatus.SUCCEEDED, history, m.bestTestAccuracy(), m.finalTestAccuracy(),
        m.finalTrainLoss(), m.device(), m.wallSeconds(), null, location);
  }

  public static TrialResult failed(Trial trial, String backend, String error, double wallSeconds, String location) {
    return new TrialResult(trial, backend, TrialStatus.FAILED, List.of(), Double.NaN, Double.NaN, Double.NaN, null,
        wallSeconds, error, location);
  }

  public static TrialResult skipped(Trial trial, String backend, String why) {
    return new TrialResult(trial, backend, TrialStatus.SKIPPED, List.of(), Double.NaN, Double.NaN, Double.NaN, null, 0, why, null);
  }

  public boolean succeeded() {
    return status == TrialStatus.SUCCEEDED;
  }

  public int epochs() {
    return history.size();
  }
}
