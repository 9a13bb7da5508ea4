package dev.tunebeam.transforms.study;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.trainer.report.MetricsReport;
import dev.tunebeam.trainer.report.Secrets;
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
 * <p>The objective's {@link Judgement} (a value per objective metric, the chosen epoch, test
 * accuracy there) is {@link Judgement#NONE} until {@link Objectives} judged the result ({@link
 * Objectives#evaluate}, which {@code results.Leaderboard.rank} applies). {@code wallSeconds} is
 * this trial's share of its fused group's wall time; {@code groupWallSeconds} the group's own.
 * {@code reusedFrom} is null for a trial this study trained, else the earlier study and trial whose
 * row a warm start copied ({@code STUDY/TRIAL_ID}). Rebuild one with {@link #toBuilder} or a {@code
 * with} method, never the canonical constructor.
 */
@DefaultCoder(SerializableCoder.class)
public record TrialResult(
    Trial trial,
    String backend,
    TrialStatus status,
    List<EpochRecord> history,
    Judgement judgement,
    String device,
    double wallSeconds,
    double groupWallSeconds,
    String error,
    String location,
    String reusedFrom)
    implements Serializable {
  private static final long serialVersionUID = 3L;

  public TrialResult {
    history = List.copyOf(history);
    judgement = judgement == null ? Judgement.NONE : judgement;
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
    return builder(trial, backend, status)
        .history(history)
        .device(device)
        .wallSeconds(wallSeconds)
        .groupWallSeconds(groupWallSeconds)
        .location(location)
        .build();
  }

  public static TrialResult failed(
      Trial trial, String backend, String error, double wallSeconds, String location) {
    return builder(trial, backend, TrialStatus.FAILED)
        .wallSeconds(wallSeconds)
        .groupWallSeconds(wallSeconds)
        .error(error)
        .location(location)
        .build();
  }

  public static TrialResult skipped(Trial trial, String backend, String why) {
    return builder(trial, backend, TrialStatus.SKIPPED).error(why).build();
  }

  /** A result with no history, no judgement and no times yet; set the rest on the builder. */
  public static Builder builder(Trial trial, String backend, TrialStatus status) {
    return new Builder(trial, backend, status);
  }

  /** A builder holding every field of this result, to change a few. */
  public Builder toBuilder() {
    return new Builder(trial, backend, status)
        .history(history)
        .judgement(judgement)
        .device(device)
        .wallSeconds(wallSeconds)
        .groupWallSeconds(groupWallSeconds)
        .error(error)
        .location(location)
        .reusedFrom(reusedFrom);
  }

  /** This result as the objectives judged it. */
  public TrialResult withJudgement(Judgement j) {
    return toBuilder().judgement(j).build();
  }

  /** The same trial as FAILED with {@code why}; its history stays, for the report. */
  public TrialResult failedWith(String why) {
    return toBuilder().status(TrialStatus.FAILED).judgement(Judgement.NONE).error(why).build();
  }

  public TrialResult withStatus(TrialStatus newStatus) {
    return toBuilder().status(newStatus).build();
  }

  /** The first objective's value at the chosen epoch; NaN until judged. */
  public double objectiveValue() {
    return judgement.primary();
  }

  /** The epoch the objectives judged the trial at; 0 until judged. */
  public int chosenEpoch() {
    return judgement.epoch();
  }

  /** Test accuracy at the chosen epoch; NaN until judged or when not reported. */
  public double testAccuracyAtChosen() {
    return judgement.testAccuracy();
  }

  /** Test accuracy at the last epoch; NaN without history. */
  public double finalTestAccuracy() {
    return finalMetric(EpochRecord.TEST_ACCURACY);
  }

  /** Whether this row was copied from an earlier study instead of trained. */
  public boolean reused() {
    return reusedFrom != null;
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

  /** Sets a result's fields one by one; {@link #build} checks and copies as the record does. */
  public static final class Builder {
    private Trial trial;
    private String backend;
    private TrialStatus status;
    private List<EpochRecord> history = List.of();
    private Judgement judgement = Judgement.NONE;
    private String device;
    private double wallSeconds;
    private double groupWallSeconds;
    private String error;
    private String location;
    private String reusedFrom;

    private Builder(Trial trial, String backend, TrialStatus status) {
      this.trial = trial;
      this.backend = backend;
      this.status = status;
    }

    public Builder trial(Trial v) {
      trial = v;
      return this;
    }

    public Builder backend(String v) {
      backend = v;
      return this;
    }

    public Builder status(TrialStatus v) {
      status = v;
      return this;
    }

    public Builder history(List<EpochRecord> v) {
      history = v;
      return this;
    }

    public Builder judgement(Judgement v) {
      judgement = v;
      return this;
    }

    public Builder device(String v) {
      device = v;
      return this;
    }

    public Builder wallSeconds(double v) {
      wallSeconds = v;
      return this;
    }

    public Builder groupWallSeconds(double v) {
      groupWallSeconds = v;
      return this;
    }

    public Builder error(String v) {
      error = v;
      return this;
    }

    public Builder location(String v) {
      location = v;
      return this;
    }

    /** {@code STUDY/TRIAL_ID} of the earlier row this one copies; null for a trained trial. */
    public Builder reusedFrom(String v) {
      reusedFrom = v;
      return this;
    }

    public TrialResult build() {
      return new TrialResult(
          trial,
          backend,
          status,
          history,
          judgement,
          device,
          wallSeconds,
          groupWallSeconds,
          error,
          location,
          reusedFrom);
    }
  }
}
