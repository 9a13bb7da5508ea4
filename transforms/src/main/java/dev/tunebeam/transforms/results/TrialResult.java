package dev.tunebeam.transforms.results;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.trainer.report.MetricsReport;
import dev.tunebeam.trainer.report.Secrets;
import dev.tunebeam.transforms.space.Trial;
import java.io.Serializable;
import java.util.List;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/**
 * What became of a trial: {@code SUCCEEDED} with its per-epoch history, {@code STOPPED} early by a
 * schedule (its history so far), {@code FAILED} with the reason (credentials removed), or {@code
 * SKIPPED} when a failure bound stopped the search first. {@code backend} is where it ran ({@code
 * local} or {@code vertex}), {@code location} the job or folder that holds its artifacts.
 *
 * <p>The objective's fields ({@code objectiveValue}, {@code chosenEpoch}, {@code
 * testAccuracyAtChosen}) are NaN and 0 until an {@link Objective} judged the result ({@link
 * Objective#evaluate}, which {@link Leaderboard#rank} applies). {@code wallSeconds} is this trial's
 * share of its fused group's wall time; {@code groupWallSeconds} the group's own.
 */
@DefaultCoder(SerializableCoder.class)
public record TrialResult(
    Trial trial,
    String backend,
    TrialStatus status,
    List<EpochRecord> history,
    double objectiveValue,
    int chosenEpoch,
    double testAccuracyAtChosen,
    double finalTestAccuracy,
    String device,
    double wallSeconds,
    double groupWallSeconds,
    String error,
    String location)
    implements Serializable {
  private static final long serialVersionUID = 2L;

  public TrialResult {
    history = List.copyOf(history);
    error = Secrets.redact(error);
  }

  /** A trial that trained, from its metrics.json; not yet judged by an objective. */
  public static TrialResult succeeded(
      Trial trial, String backend, MetricsReport m, String location) {
    return of(
        trial,
        backend,
        TrialStatus.SUCCEEDED,
        m.history(),
        m.device(),
        m.wallSeconds(),
        m.groupWallSeconds(),
        location);
  }

  /** A trial that reported {@code history}, with the given status (SUCCEEDED or STOPPED). */
  public static TrialResult of(
      Trial trial,
      String backend,
      TrialStatus status,
      List<EpochRecord> history,
      String device,
      double wallSeconds,
      double groupWallSeconds,
      String location) {
    double finalTest =
        history.isEmpty()
            ? Double.NaN
            : history.get(history.size() - 1).metric(EpochRecord.TEST_ACCURACY);
    return new TrialResult(
        trial,
        backend,
        status,
        history,
        Double.NaN,
        0,
        Double.NaN,
        finalTest,
        device,
        wallSeconds,
        groupWallSeconds,
        null,
        location);
  }

  public static TrialResult failed(
      Trial trial, String backend, String error, double wallSeconds, String location) {
    return new TrialResult(
        trial,
        backend,
        TrialStatus.FAILED,
        List.of(),
        Double.NaN,
        0,
        Double.NaN,
        Double.NaN,
        null,
        wallSeconds,
        wallSeconds,
        error,
        location);
  }

  public static TrialResult skipped(Trial trial, String backend, String why) {
    return new TrialResult(
        trial,
        backend,
        TrialStatus.SKIPPED,
        List.of(),
        Double.NaN,
        0,
        Double.NaN,
        Double.NaN,
        null,
        0,
        0,
        why,
        null);
  }

  /** This result judged at epoch {@code epoch}, where the objective was {@code value}. */
  public TrialResult withObjective(double value, int epoch, double testAccuracy) {
    return new TrialResult(
        trial,
        backend,
        status,
        history,
        value,
        epoch,
        testAccuracy,
        finalTestAccuracy,
        device,
        wallSeconds,
        groupWallSeconds,
        error,
        location);
  }

  /** The same trial as FAILED with {@code why}; its history stays, for the report. */
  public TrialResult failedWith(String why) {
    return new TrialResult(
        trial,
        backend,
        TrialStatus.FAILED,
        history,
        Double.NaN,
        0,
        Double.NaN,
        finalTestAccuracy,
        device,
        wallSeconds,
        groupWallSeconds,
        why,
        location);
  }

  public TrialResult withStatus(TrialStatus newStatus) {
    return new TrialResult(
        trial,
        backend,
        newStatus,
        history,
        objectiveValue,
        chosenEpoch,
        testAccuracyAtChosen,
        finalTestAccuracy,
        device,
        wallSeconds,
        groupWallSeconds,
        error,
        location);
  }

  public boolean succeeded() {
    return status == TrialStatus.SUCCEEDED;
  }

  public int epochs() {
    return history.size();
  }

  /** The tag's value at the last epoch; NaN when not reported there. */
  public double finalMetric(String tag) {
    return history.isEmpty() ? Double.NaN : history.get(history.size() - 1).metric(tag);
  }

  /** Every tag any epoch reported, sorted. */
  public List<String> reportedTags() {
    TreeSet<String> tags = new TreeSet<>();
    history.forEach(e -> tags.addAll(e.metrics().keySet()));
    return List.copyOf(tags);
  }
}
