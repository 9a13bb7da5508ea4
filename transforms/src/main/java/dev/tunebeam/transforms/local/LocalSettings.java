package dev.tunebeam.transforms.local;

import com.google.auto.value.AutoValue;
import dev.tunebeam.trainer.train.DeviceChoice;
import dev.tunebeam.transforms.run.StudyRun;
import dev.tunebeam.transforms.study.Trial;
import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How {@link TrainLocally} runs, immutable: where artifacts go, which data and device, how many
 * worker processes (0: one per core, or one when a GPU is visible) with how many compute threads
 * each (0: cores / workers) and which extra JVM options, how wide trials fuse, whether finished
 * trials are reused, the run they belong to ({@link StudyRun}: its failure bound, objective and
 * live state), how many shares the groups are dealt into on a distributed runner (0: one per
 * group), the planner's costs ({@link FusionCosts}), which checkpoint folder a trial continues from
 * ({@code checkpointKey}: by default its own id), and what a trial runs ({@link TrialProgram}: the
 * built-in trainer, a command, or a Java trainable). {@code inProcess} trains inside the pipeline's
 * JVM instead, one group at a time.
 *
 * <p>The values are checked once, by {@link TrainLocally}'s {@code withX} methods.
 */
@AutoValue
public abstract class LocalSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final int DEFAULT_MAX_FUSE = 9;

  public abstract @Nullable String outputDirectory();

  /** Null: the trainer's standard search for the data. */
  public abstract @Nullable String dataDirectory();

  public abstract DeviceChoice device();

  public abstract int workers();

  public abstract int threadsPerWorker();

  /** With the default workers on a CPU, one more than the cores (see {@link WorkerSlots}). */
  public abstract boolean spareWorker();

  public abstract int maxFuse();

  public abstract boolean inProcess();

  public abstract boolean resume();

  public abstract String workerHeap();

  public abstract List<String> workerJvmOptions();

  public abstract StudyRun run();

  public abstract int shares();

  public abstract long timeoutSeconds();

  public abstract SerializableFunction<Trial, String> checkpointKey();

  public abstract TrialProgram program();

  /**
   * What the fusion planner charges for a fused group; measured by {@link FusionMeasurement} or the
   * default.
   */
  public abstract FusionCosts fusionCosts();

  abstract Builder toBuilder();

  static LocalSettings defaults(String outputDirectory) {
    return new AutoValue_LocalSettings.Builder()
        .setOutputDirectory(outputDirectory)
        .setDevice(DeviceChoice.AUTO)
        .setWorkers(0)
        .setThreadsPerWorker(0)
        .setSpareWorker(false)
        .setMaxFuse(DEFAULT_MAX_FUSE)
        .setInProcess(false)
        .setResume(true)
        .setWorkerHeap("2g")
        .setWorkerJvmOptions(List.of())
        .setRun(StudyRun.create())
        .setShares(0)
        .setTimeoutSeconds(0)
        .setCheckpointKey(Trial::id)
        .setProgram(TrialProgram.builtIn())
        .setFusionCosts(FusionCosts.DEFAULT)
        .build();
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setOutputDirectory(@Nullable String v);

    abstract Builder setDataDirectory(@Nullable String v);

    abstract Builder setDevice(DeviceChoice v);

    abstract Builder setWorkers(int v);

    abstract Builder setThreadsPerWorker(int v);

    abstract Builder setSpareWorker(boolean v);

    abstract Builder setMaxFuse(int v);

    abstract Builder setInProcess(boolean v);

    abstract Builder setResume(boolean v);

    abstract Builder setWorkerHeap(String v);

    abstract Builder setWorkerJvmOptions(List<String> v);

    abstract Builder setRun(StudyRun v);

    abstract Builder setShares(int v);

    abstract Builder setTimeoutSeconds(long v);

    abstract Builder setCheckpointKey(SerializableFunction<Trial, String> v);

    abstract Builder setProgram(TrialProgram v);

    abstract Builder setFusionCosts(FusionCosts v);

    abstract LocalSettings build();
  }
}
