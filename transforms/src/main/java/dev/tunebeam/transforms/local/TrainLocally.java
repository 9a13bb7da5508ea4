package dev.tunebeam.transforms.local;

import dev.tunebeam.trainer.train.DeviceChoice;
import dev.tunebeam.transforms.exec.ExecuteTrials;
import dev.tunebeam.transforms.run.StudyRun;
import dev.tunebeam.transforms.settings.Checks;
import dev.tunebeam.transforms.settings.InvalidSettingException;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;

/**
 * Trains trials with the DJL trainer on this machine (or on each Dataflow worker) and emits one
 * {@link TrialResult} per trial. Trials that share batch size, epochs, pooling, seed and data are
 * trained as fused groups ({@link FusionPlanner}); each group runs in a worker process (one per
 * core, one compute thread each) so a native crash takes down only that group, whose members are
 * then retried alone. Each worker is a lane of the run's queue and takes the longest group left
 * whenever it is free ({@link ExecuteTrials}). DJL allows one training per JVM at a time, which
 * worker processes sidestep and {@link #inProcess()} honours with a lock.
 *
 * <p>A trial the trainer would refuse, or that fails, becomes a FAILED result; it never aborts the
 * pipeline. A trial whose {@code metrics.json} is already under {@code <output>/trials/<trial-id>/}
 * is not trained again unless {@link #withResume(boolean)} is false.
 *
 * <pre>{@code
 * PCollection<TrialResult> results = trials.apply(TrainLocally.to("/tmp/study").withMaxFuse(9));
 * }</pre>
 *
 * <p>Progress: a log line when a trial starts, after each of its epochs (the run's objective
 * metric, seconds, the study's completion and ETA) and when it ends. Counters (namespace {@code
 * TrainLocally}): {@code trials_started}, {@code trials_succeeded}, {@code trials_failed}, {@code
 * trials_skipped}, {@code trials_resumed}, {@code model_epochs_completed}.
 */
public final class TrainLocally extends PTransform<PCollection<Trial>, PCollection<TrialResult>> {
  private final LocalSettings settings;

  private TrainLocally(LocalSettings settings) {
    this.settings = settings;
  }

  /** Artifacts (metrics.json, model.npz) go to {@code <outputDirectory>/trials/<trial-id>/}. */
  public static TrainLocally to(String outputDirectory) {
    return new TrainLocally(LocalSettings.defaults(outputDirectory));
  }

  private TrainLocally with(LocalSettings.Builder changed) {
    return new TrainLocally(changed.build());
  }

  /**
   * Runs {@code argv} plus each trial's parameters as flags ({@code --name value}) instead of the
   * built-in trainer, under the trial contract ({@link
   * dev.tunebeam.trainer.contract.TrialContract}): one process per trial, {@link #withWorkers} at a
   * time; parameters pass unchecked.
   */
  public TrainLocally command(List<String> argv) {
    return with(
        settings.toBuilder()
            .setProgram(
                TrialProgram.command(argv).withEnvironment(settings.program().environment())));
  }

  /**
   * Runs a Java {@link dev.tunebeam.trainer.contract.Trainable} for each trial, in a worker JVM of
   * its own.
   */
  public TrainLocally with(dev.tunebeam.trainer.contract.Trainable trainable) {
    return with(
        settings.toBuilder()
            .setProgram(
                TrialProgram.java(trainable).withEnvironment(settings.program().environment())));
  }

  /**
   * Variables added to a command's or trainable's environment (the contract's own variables win).
   */
  public TrainLocally withTrainerEnvironment(Map<String, String> env) {
    return with(settings.toBuilder().setProgram(settings.program().withEnvironment(env)));
  }

  /** The Fashion-MNIST folder (local or gs://); default: the trainer's standard search. */
  public TrainLocally withDataDirectory(String dir) {
    return with(settings.toBuilder().setDataDirectory(dir));
  }

  /** {@code AUTO} (default: the GPU when one is visible), {@code CPU} or {@code GPU}. */
  public TrainLocally withDevice(DeviceChoice device) {
    return with(settings.toBuilder().setDevice(Objects.requireNonNull(device, "device")));
  }

  /** {@code auto}, {@code cpu} or {@code gpu}, in any case. */
  public TrainLocally withDevice(String device) {
    return withDevice(Checks.choice(DeviceChoice.class, "device", device));
  }

  /** Worker processes per JVM; 0 (default) is one per core, or one with a GPU. */
  public TrainLocally withWorkers(int workers) {
    return with(
        settings.toBuilder().setWorkers(Checks.zeroOrPositive("workers", workers, "one per core")));
  }

  /**
   * With the default workers on a CPU, one worker more than the cores: for schedules with barriers
   * (successive halving, Hyperband), whose last trials of each rung then share every core instead
   * of leaving one idle.
   */
  public TrainLocally withSpareWorker() {
    return with(settings.toBuilder().setSpareWorker(true));
  }

  /**
   * Compute threads per worker; 0 (default) is cores / workers, and a group that no other group
   * waits behind takes the idle workers' threads too. A count set here is kept for every group.
   */
  public TrainLocally withThreadsPerWorker(int threads) {
    return with(
        settings.toBuilder()
            .setThreadsPerWorker(
                Checks.zeroOrPositive("threadsPerWorker", threads, "cores / workers")));
  }

  /** Fuse at most this many trials into one network (default 9); 1 turns fusion off. */
  public TrainLocally withMaxFuse(int maxFuse) {
    return with(
        settings.toBuilder()
            .setMaxFuse(Checks.atLeast("maxFuse", maxFuse, 1, "1 turns fusion off")));
  }

  /**
   * The planner's cost model (default {@link FusionCosts#DEFAULT}); {@link FusionMeasurement#costs}
   * measures this machine's, which lets short trials fuse where a worker's start-up costs more than
   * slower fused steps.
   */
  public TrainLocally withFusionCosts(FusionCosts costs) {
    return with(settings.toBuilder().setFusionCosts(Objects.requireNonNull(costs, "fusionCosts")));
  }

  /** Train inside the pipeline's JVM, one group at a time, instead of in worker processes. */
  public TrainLocally inProcess() {
    return with(settings.toBuilder().setInProcess(true));
  }

  /** Whether trials with a metrics.json from an earlier run are reused (default true). */
  public TrainLocally withResume(boolean resume) {
    return with(settings.toBuilder().setResume(resume));
  }

  /** Java heap of each worker process (default 2g); the tensors live outside it. */
  public TrainLocally withWorkerHeap(String heap) {
    return with(
        settings.toBuilder()
            .setWorkerHeap(Checks.present("workerHeap", heap, "a JVM heap size such as 2g")));
  }

  /** Extra JVM options for the worker processes (for example {@code -XX:+UseSerialGC}). */
  public TrainLocally withWorkerJvmOptions(String... options) {
    return with(settings.toBuilder().setWorkerJvmOptions(List.of(options)));
  }

  /**
   * On a runner whose workers are other machines, deal the groups into this many shares (0, the
   * default: one per group); each machine's lanes pull from the shares it was given. On the
   * DirectRunner one JVM pulls from one share, whatever this says.
   */
  public TrainLocally withShares(int shares) {
    return with(
        settings.toBuilder()
            .setShares(Checks.zeroOrPositive("shares", shares, "one share per group")));
  }

  /**
   * Kill a worker whose group has not finished after this long (its trials fail, with that reason);
   * zero: no limit.
   */
  public TrainLocally withTimeout(Duration timeout) {
    if (timeout.isNegative()) {
      throw new InvalidSettingException(
          "timeout", timeout + " must not be negative (zero: no limit)");
    }
    return with(settings.toBuilder().setTimeoutSeconds(timeout.toSeconds()));
  }

  /**
   * Which checkpoint folder ({@code <output>/checkpoints/<key>/}) a trial trains from and into; by
   * default its own id, so a killed trial continues where it stopped. Successive halving continues
   * a trial up to epoch E by mapping the trial with {@code num_epochs=E} to the key of the same
   * point's earlier rung: the trainer then trains only epochs after the checkpoint's.
   */
  public TrainLocally withCheckpointKey(SerializableFunction<Trial, String> key) {
    return with(
        settings.toBuilder().setCheckpointKey(Objects.requireNonNull(key, "checkpointKey")));
  }

  /**
   * How many trainings this machine runs at once with these settings: a worker per core, or one
   * with a GPU.
   */
  public int workersOnThisMachine() {
    return WorkerSlots.resolveWorkers(settings);
  }

  /**
   * The study run these trials belong to (default: a run of this transform's own): its failure
   * bound (once more than that many have failed, no new trial starts; the rest become SKIPPED), its
   * objective (what progress lines show) and its live state, shared with every other transform
   * given the same run.
   */
  public TrainLocally withRun(StudyRun run) {
    return with(settings.toBuilder().setRun(Objects.requireNonNull(run, "run")));
  }

  /**
   * Starts this run's workers now, each loading the engine and parsing the data on its own thread,
   * for a caller that knows trials will follow on this machine (the main job on the DirectRunner,
   * just before the pipeline runs): the first groups then find warm workers instead of paying the
   * JVM start, the engine load and the data parse themselves. A command trainer, a Java {@code
   * Trainable} (a fresh process per trial) and in-process training start nothing. The workers end
   * with the run, or after a minute unused.
   */
  public void startWorkers() {
    if (!settings.program().isBuiltIn() || settings.inProcess()) {
      return;
    }
    int workers = WorkerSlots.resolveWorkers(settings);
    WarmWorkers.forRun(settings)
        .prestart(workers, settings.dataDirectory(), WorkerSlots.resolveThreads(settings, workers));
  }

  public LocalSettings settings() {
    return settings;
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .addIfNotNull(DisplayData.item("outputDirectory", settings.outputDirectory()))
        .addIfNotNull(DisplayData.item("dataDirectory", settings.dataDirectory()))
        .add(DisplayData.item("device", settings.device().flagValue()))
        .add(DisplayData.item("maxFuse", settings.maxFuse()))
        .add(DisplayData.item("workers", settings.workers()))
        .add(DisplayData.item("resume", settings.resume()));
  }

  @Override
  public PCollection<TrialResult> expand(PCollection<Trial> trials) {
    Checks.present(
        "outputDirectory",
        settings.outputDirectory(),
        "TrainLocally.to(\"/path\" or \"gs://bucket/path\")");
    return trials.apply(
        "Execute",
        ExecuteTrials.on(new LocalExecutor(settings))
            .withRun(settings.run())
            .withShares(settings.shares()));
  }
}
