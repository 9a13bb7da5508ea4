package dev.tunebeam.transforms.exec;

import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * Runs a group of trials and returns their results: the one seam between a study and the place its
 * trials run. Local fused LeNet-5 groups, command processes, Java trainables and Vertex AI
 * CustomJobs implement it; {@link ExecuteTrials} runs any of them, and everything around a group is
 * written once there: the lanes that pull groups from the run's queue, the failure budget and its
 * SKIPPED rows, progress lines, the ETA, counters and the live results. A new place to run trials
 * (a remote host, a GPU pool) is one class implementing this and one {@code RunTrials.with(...)}.
 *
 * <p>An executor is serialized into the pipeline: settings only, no open clients. {@link #open()}
 * and {@link #close()} bracket its use in one JVM.
 */
public interface TrialExecutor extends Serializable {
  /** Where trials run: the results' backend column, and the name a backend rule routes by. */
  String backend();

  /**
   * Groups this executor runs at once in one JVM: its lanes. Each lane takes the longest group left
   * in the queue whenever it is free.
   */
  int lanes();

  /**
   * Compute threads one lane keeps busy on this machine, for the run's utilisation figure; 0 when a
   * lane only waits for work done elsewhere (a cloud job).
   */
  default int threadsPerLane() {
    return 0;
  }

  /**
   * A trial settled before anything runs: FAILED when the executor would refuse its parameters, or
   * an earlier run's SUCCEEDED result that is reused. Empty: it runs.
   */
  default Optional<TrialResult> settle(Trial trial) {
    return Optional.empty();
  }

  /** Cuts the trials to run into groups, each run as one (fused models); default one each. */
  default List<List<Trial>> plan(List<Trial> trials) {
    return trials.stream().map(List::of).toList();
  }

  /**
   * A trial's relative cost, in any unit the executor likes (model-images, steps): groups are
   * pulled longest first and the ETA divides what is left by each lane's measured pace.
   */
  default double work(Trial trial) {
    return 1;
  }

  /** Epochs (reported steps) a trial trains, for the progress line's model-epoch count; 0: none. */
  default long steps(Trial trial) {
    return 0;
  }

  /** The namespace of the counters the runs of this executor add to (see {@link Lane#count}). */
  default String metricsNamespace() {
    return getClass().getName();
  }

  /** Called once in a JVM before the first group: open clients here. */
  default void open() {}

  /** Called when the pipeline no longer needs this instance. */
  default void close() {}

  /**
   * Runs one group on {@code lane} and says how every member ended. A trial's failure is a FAILED
   * result, never an exception; an exception fails the whole group with its message.
   */
  Outcome run(List<Trial> group, Lane lane) throws InterruptedException;

  /**
   * How a group ended: a result for each member that ended, and the members to run again alone (a
   * fused group that failed as a whole, so one bad trial cannot fail the others). Every member is
   * in exactly one of the two.
   */
  record Outcome(List<TrialResult> results, List<Trial> retryAlone) {
    public Outcome {
      results = List.copyOf(results);
      retryAlone = List.copyOf(retryAlone);
    }

    public static Outcome of(List<TrialResult> results) {
      return new Outcome(results, List.of());
    }
  }
}
