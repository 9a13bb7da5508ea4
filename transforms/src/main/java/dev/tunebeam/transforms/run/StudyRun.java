package dev.tunebeam.transforms.run;

import dev.tunebeam.transforms.results.FailureBudget;
import dev.tunebeam.transforms.settings.InvalidSettingException;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Objectives;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.sdk.annotations.Internal;

/**
 * One run of a study: the handle every transform of the study and every one of their DoFns carries.
 * It is small and serializable (an id, the failure bound, the objective); what is live about the
 * run (its failure count, its progress) is a {@link RunState} looked up by the id in this JVM,
 * created on first use and dropped by {@link #close()}. A handle serialized into a DoFn and read
 * back in the same JVM finds the same state; two runs never share one, whether they run one after
 * the other or at the same time.
 *
 * <p>A run is the study, not one transform application: successive halving applies the same {@code
 * TrainLocally} once per rung, and a hybrid study runs local and Vertex trials, all under one
 * handle, so they share one failure budget and one progress line. A transform given no handle
 * creates its own. On a distributed runner each worker JVM holds its own state for the run (Beam's
 * counters carry the totals).
 *
 * <pre>{@code
 * try (StudyRun run = StudyRun.create(3, Objective.DEFAULT)) {
 *   trials.apply(TrainLocally.to("/tmp/study").withRun(run));
 *   pipeline.run().waitUntilFinish();
 * }
 * }</pre>
 */
@Internal
public final class StudyRun implements Serializable, AutoCloseable {
  private static final long serialVersionUID = 1L;

  /** The live state of each run in this JVM that has not ended: the only static, keyed by run. */
  private static final Map<String, RunState> LIVE = new ConcurrentHashMap<>();

  private final String id;
  private final int maxFailedTrials;
  private final Objectives objectives;
  private final String liveDirectory;
  private final String study;

  private StudyRun(
      String id, int maxFailedTrials, Objectives objectives, String liveDirectory, String study) {
    this.id = id;
    this.maxFailedTrials = maxFailedTrials;
    this.objectives = objectives;
    this.liveDirectory = liveDirectory;
    this.study = study;
  }

  /**
   * A run without a failure bound, reporting progress on the default objective (best val_accuracy).
   */
  public static StudyRun create() {
    return create(-1, Objective.DEFAULT);
  }

  /**
   * A fresh run: once more than {@code maxFailedTrials} of its trials failed (-1: no bound), its
   * backends start no new trials; progress lines show {@code objective}'s metric.
   */
  public static StudyRun create(int maxFailedTrials, Objective objective) {
    return create(maxFailedTrials, Objectives.of(Objects.requireNonNull(objective, "objective")));
  }

  /**
   * As {@link #create(int, Objective)}, for several objectives: live results rank by Pareto front,
   * as the final leaderboard does; progress lines show the first objective.
   */
  public static StudyRun create(int maxFailedTrials, Objectives objectives) {
    if (maxFailedTrials < -1) {
      throw new InvalidSettingException(
          "maxFailedTrials",
          maxFailedTrials + " is not allowed; use -1 (no bound) or a count >= 0");
    }
    return new StudyRun(
        UUID.randomUUID().toString(),
        maxFailedTrials,
        Objects.requireNonNull(objectives, "objectives"),
        null,
        null);
  }

  /**
   * The same run, whose results files ({@code results.csv}, {@code .json}, {@code .md}, {@code
   * report.html}) in {@code directory} are rewritten as its trials finish, the others shown as
   * running or queued, so the study can be watched while it runs (on the DirectRunner, where one
   * JVM sees every trial). The final leaderboard replaces them at the end.
   */
  public StudyRun withLiveResults(String directory, String study) {
    if (directory == null || directory.isBlank()) {
      throw new InvalidSettingException(
          "liveResults", "needs a folder (local or gs://) for the results files");
    }
    return new StudyRun(
        id,
        maxFailedTrials,
        objectives,
        directory,
        study == null || study.isBlank() ? "study" : study);
  }

  /** Where results are rewritten while the run goes on; null when they are not. */
  public String liveDirectory() {
    return liveDirectory;
  }

  /** The study name the live results carry. */
  public String study() {
    return study;
  }

  public String id() {
    return id;
  }

  public int maxFailedTrials() {
    return maxFailedTrials;
  }

  /** The first objective: the one progress lines show. */
  public Objective objective() {
    return objectives.primary();
  }

  /** What the run's results are ranked by, live and at the end. */
  public Objectives objectives() {
    return objectives;
  }

  /** This run's failure budget in this JVM: its bound over its live count. */
  public FailureBudget failureBudget() {
    return new FailureBudget(maxFailedTrials, state().failures());
  }

  /** The run's live state in this JVM, created on first use. */
  public RunState state() {
    return LIVE.computeIfAbsent(id, k -> new RunState());
  }

  /**
   * How well the run's lanes kept this machine's cores busy so far ({@link Utilisation}): in this
   * JVM, every backend whose lanes compute here.
   */
  public Utilisation utilisation() {
    return usage().snapshot();
  }

  /** The run's core-usage integral in this JVM, which the lanes update. */
  public CoreUsage usage() {
    return state()
        .part(
            "run.usage",
            CoreUsage.class,
            () -> new CoreUsage(Runtime.getRuntime().availableProcessors(), System::nanoTime));
  }

  /** Whether this JVM holds state for the run (it was used and has not been closed). */
  public boolean live() {
    return LIVE.containsKey(id);
  }

  /**
   * Ends the run in this JVM: its state is dropped and its local worker processes end; a later use
   * starts from nothing.
   */
  @Override
  public void close() {
    RunState state = LIVE.remove(id);
    if (state != null) {
      state.close();
    }
  }

  /** How many runs hold state in this JVM. */
  public static int liveRuns() {
    return LIVE.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StudyRun other && other.id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "StudyRun "
        + id
        + " (maxFailedTrials "
        + maxFailedTrials
        + ", objective "
        + objectives.describe()
        + ")";
  }
}
