package dev.tunebeam.transforms.exec;

import com.google.auto.value.AutoValue;
import dev.tunebeam.transforms.run.StudyRun;
import dev.tunebeam.transforms.settings.Checks;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import java.util.Objects;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Runs trials through a {@link TrialExecutor} and emits one {@link TrialResult} per trial: every
 * backend's trials go through this one transform, so the failure budget, SKIPPED rows, progress,
 * ETA, counters, utilisation and live results are the same everywhere.
 *
 * <pre>{@code
 * PCollection<TrialResult> results =
 *     trials.apply(ExecuteTrials.on(myExecutor).withRun(run));
 * }</pre>
 *
 * <p>Steps: trials the executor settles at once (refused, or reused from an earlier run) leave
 * straight away; the rest are gathered, cut into groups by the executor ({@link
 * TrialExecutor#plan}) and dealt into shares, one DoFn call each. A call puts its share's groups
 * into the run's queue in its JVM ({@link RunQueue}) and emits the results as the lanes finish
 * them; the lanes pull the longest group left whenever they are free, from every share and every
 * stage of the run in that JVM. On the DirectRunner one share holds everything. On a runner whose
 * workers are other machines ({@link #withShares} 0, one share per group), the runner spreads the
 * shares over its workers and each machine's lanes pull from the shares it was given.
 *
 * <p>Counters in the executor's namespace ({@link TrialExecutor#metricsNamespace}): {@code
 * trials_started}, {@code trials_succeeded}, {@code trials_failed}, {@code trials_skipped}, {@code
 * trials_resumed}, {@code model_epochs_completed}, and the executor's own.
 */
@AutoValue
public abstract class ExecuteTrials
    extends PTransform<PCollection<Trial>, PCollection<TrialResult>> {
  private static final long serialVersionUID = 1L;

  public abstract TrialExecutor executor();

  public abstract StudyRun run();

  public abstract int shares();

  abstract Builder toBuilder();

  /** Trials run by {@code executor}, in a run of their own, in one share. */
  public static ExecuteTrials on(TrialExecutor executor) {
    return new AutoValue_ExecuteTrials.Builder()
        .setExecutor(Objects.requireNonNull(executor, "executor"))
        .setRun(StudyRun.create())
        .setShares(1)
        .build();
  }

  /**
   * The study run the trials belong to: its failure bound, objective, live state and queues, shared
   * with every other transform given the same run.
   */
  public ExecuteTrials withRun(StudyRun run) {
    return toBuilder().setRun(Objects.requireNonNull(run, "run")).build();
  }

  /**
   * How many DoFn calls the groups are dealt into (default 1); 0 is one per group, for runners
   * whose workers are other machines: each machine's lanes then pull from the groups it was given.
   */
  public ExecuteTrials withShares(int shares) {
    return toBuilder()
        .setShares(Checks.zeroOrPositive("shares", shares, "one share per group"))
        .build();
  }

  @Override
  public PCollection<TrialResult> expand(PCollection<Trial> trials) {
    TupleTag<Trial> toRun = new TupleTag<>() {};
    TupleTag<TrialResult> settled = new TupleTag<>() {};
    PCollectionTuple checked =
        trials.apply(
            "Settle",
            ParDo.of(new SettleFn(executor(), run(), toRun, settled))
                .withOutputTags(toRun, TupleTagList.of(settled)));
    PCollection<TrialResult> ran =
        checked
            .get(toRun)
            .apply("AllTrials", WithKeys.of("trials"))
            .apply("Gather", GroupByKey.create())
            .apply("PlanGroups", ParDo.of(new PlanFn(executor(), run(), shares())))
            .apply("OneShareEach", GroupByKey.create())
            .apply("RunGroups", ParDo.of(new RunShareFn(executor(), run())));
    return PCollectionList.of(checked.get(settled).setCoder(ran.getCoder()))
        .and(ran)
        .apply(Flatten.pCollections());
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("backend", executor().backend()))
        .add(DisplayData.item("lanes", executor().lanes()))
        .add(DisplayData.item("shares", shares()));
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setExecutor(TrialExecutor v);

    abstract Builder setRun(StudyRun v);

    abstract Builder setShares(int v);

    abstract ExecuteTrials build();
  }
}
