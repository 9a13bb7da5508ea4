package dev.tunebeam.pipeline.study;

import dev.tunebeam.pipeline.SearchOptions;
import dev.tunebeam.pipeline.SearchPipeline;
import dev.tunebeam.pipeline.VertexOptions;
import dev.tunebeam.trainer.cli.EnumChoice;
import dev.tunebeam.trainer.contract.Trainable;
import dev.tunebeam.trainer.train.DeviceChoice;
import dev.tunebeam.transforms.dispatch.Backend;
import dev.tunebeam.transforms.dispatch.BackendRule;
import dev.tunebeam.transforms.dispatch.RunTrials;
import dev.tunebeam.transforms.local.FusionMeasurement;
import dev.tunebeam.transforms.local.TrainLocally;
import dev.tunebeam.transforms.run.StudyRun;
import dev.tunebeam.transforms.search.Schedule;
import dev.tunebeam.transforms.settings.Checks;
import dev.tunebeam.transforms.settings.InvalidSettingException;
import dev.tunebeam.transforms.space.ParameterSpec;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.TrainerBlock;
import dev.tunebeam.transforms.vertex.CloudNames;
import dev.tunebeam.transforms.vertex.CustomJobTemplate;
import dev.tunebeam.transforms.vertex.SubmitToVertex;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.beam.sdk.extensions.gcp.options.GcpOptions;

/**
 * Turns {@code --backend} and the local and Vertex options into the transforms that run the trials.
 */
public final class Backends {
  private Backends() {}

  /**
   * {@code --backend}'s values: one backend for every trial, or each trial by {@code
   * --backendRule}.
   */
  enum Choice {
    LOCAL,
    VERTEX,
    RULE
  }

  /** {@code --fuse}'s values. */
  enum Fuse {
    AUTO,
    OFF
  }

  /**
   * Every backend the rule may use is configured; only those are checked, so a local run needs no
   * Vertex flags. {@code local} is the rule's local transform (null when the rule sends no trial
   * there).
   */
  public static RunTrials runTrials(
      SearchOptions o, SearchSpace space, BackendRule rule, TrainLocally local, StudyRun budget) {
    RunTrials run = RunTrials.by(rule);
    if (local != null) {
      run = run.withLocal(local);
    }
    if (rule.targets().contains(Backend.VERTEX)) {
      run = run.withVertex(vertex(o, space).withRun(budget));
    }
    return run;
  }

  /**
   * {@code --backend=local|vertex|rule} with {@code --backendRule}; a rule may only read the
   * space's parameters.
   */
  public static BackendRule rule(VertexOptions o, SearchSpace space) {
    Choice backend =
        EnumChoice.parse(Choice.class, "--backend", o.getBackend(), "is not supported");
    BackendRule rule;
    if (backend == Choice.RULE) {
      try {
        rule = BackendRule.parse(o.getBackendRule());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--backendRule: " + e.getMessage());
      }
    } else {
      if (!o.getBackendRule().isBlank()) {
        throw new IllegalArgumentException(
            "--backendRule is only read with --backend=rule; got --backend=" + o.getBackend());
      }
      rule = BackendRule.all(backend == Choice.LOCAL ? Backend.LOCAL : Backend.VERTEX);
    }
    Set<String> known = new LinkedHashSet<>();
    space.parameters().stream().map(ParameterSpec::name).forEach(known::add);
    known.addAll(space.fixed().keySet());
    for (String p : rule.parameters()) {
      if (!known.contains(p)) {
        throw new IllegalArgumentException(
            "--backendRule reads parameter "
                + p
                + ", which search space "
                + space.study()
                + " does not have; its parameters: "
                + String.join(", ", known));
      }
    }
    return rule;
  }

  /** {@code --device}, checked where the library checks it. */
  public static DeviceChoice device(SearchOptions o) {
    return Checks.choice(DeviceChoice.class, "device", o.getDevice());
  }

  /**
   * The local transform the options describe; {@code spareWorker}: one worker more than the cores
   * ({@link SpareWorkerChoice}).
   */
  public static TrainLocally local(SearchOptions o, StudyRun budget, boolean spareWorker) {
    Fuse fuse = EnumChoice.parse(Fuse.class, "--fuse", o.getFuse(), "is not supported");
    // The user's --maxFuse is set (and so checked) before autoFuse's probe can measure with it.
    TrainLocally t =
        TrainLocally.to(o.getOutput())
            .withDevice(device(o))
            .withWorkers(o.getLocalWorkers())
            .withThreadsPerWorker(o.getThreadsPerWorker())
            .withMaxFuse(o.getMaxFuse())
            .withResume(o.getResume())
            .withRun(budget)
            .withTimeout(Duration.ofMinutes(o.getTrialTimeoutMinutes()));
    t = fuse == Fuse.OFF ? t.withMaxFuse(1) : autoFuse(o, t);
    if (!o.getWorkerJvmOptions().isBlank()) {
      t = t.withWorkerJvmOptions(o.getWorkerJvmOptions().trim().split("\\s+"));
    }
    if (!o.getDataDir().isBlank()) {
      t = t.withDataDirectory(o.getDataDir());
    }
    Optional<TrainerBlock> trainer = TrainerChoice.of(o);
    Optional<Trainable> trainable = TrainerChoice.trainable(o);
    if (trainable.isPresent()) {
      t =
          t.with(trainable.get())
              .withTrainerEnvironment(trainer.map(TrainerBlock::env).orElse(java.util.Map.of()));
    } else if (trainer.isPresent()) {
      t = t.command(trainer.get().command()).withTrainerEnvironment(trainer.get().env());
      t =
          o.getLocalWorkers() == 0 && trainer.get().workers() > 0
              ? t.withWorkers(trainer.get().workers())
              : t;
    }
    t = o.getInProcess() ? t.inProcess() : t;
    // A barrier's last trials share the cores with a spare worker instead of leaving one idle
    // (WorkerSlots), where that pays.
    t = spareWorker ? t.withSpareWorker() : t;
    return t;
  }

  /**
   * One DirectRunner thread per stage that waits for its trials at the same time, and not one more:
   * a stage's DoFn holds its thread while the run's own lanes train (or poll Vertex jobs), and the
   * DirectRunner's driver re-submits itself without pause to any thread that is free, a core spent
   * polling (measured: 444 s of CPU in 20 minutes of the reference study). A grid, a halving rung
   * and a TPE round are one stage per backend; Hyperband's brackets run side by side.
   */
  public static int directRunnerThreads(SearchSpace space, BackendRule rule) {
    Schedule schedule = Schedule.of(space);
    int stagesAtOnce =
        schedule.shape() == Schedule.Shape.RUNGS ? Math.max(1, schedule.brackets().size()) : 1;
    return Math.max(1, stagesAtOnce * rule.targets().size());
  }

  /**
   * {@code --fuse=auto}: the planner gets this machine's measured costs (the DirectRunner's; once
   * per machine, remembered), so it fuses where that saves worker start-ups; without a measurement,
   * no fusion. A dry run, a runner whose workers are other machines, or a trainer of the user's own
   * (never fused) keeps {@code --maxFuse} and the default costs without measuring.
   */
  private static TrainLocally autoFuse(SearchOptions o, TrainLocally t) {
    if (o.getDryRun()
        || !SearchPipeline.onDirectRunner(o)
        || o.getInProcess()
        || TrainerChoice.ownTrainer(o)) {
      return t;
    }
    int cores = Runtime.getRuntime().availableProcessors();
    int workers = o.getLocalWorkers() > 0 ? o.getLocalWorkers() : cores;
    int threads =
        o.getThreadsPerWorker() > 0 ? o.getThreadsPerWorker() : Math.max(1, cores / workers);
    // Measured once per machine; later calls (the options are read several times while building)
    // read the cache file.
    return FusionMeasurement.costs(threads, o.getDataDir(), FusionMeasurement.defaultCache())
        .map(t::withFusionCosts)
        .orElseGet(() -> t.withMaxFuse(1));
  }

  /**
   * The Vertex transform the options describe. The data folder is passed to the container only when
   * it is on Cloud Storage; a local path means nothing inside a Vertex job.
   */
  public static SubmitToVertex vertex(SearchOptions o, SearchSpace space) {
    String project = project(o);
    String region = region(o);
    SubmitToVertex v;
    try {
      v =
          SubmitToVertex.to(project, region)
              .withEndpoint(o.getVertexEndpoint())
              .withStorage(o.getVertexStorage())
              .withContainerUri(
                  o.getContainerUri().isBlank()
                      ? CustomJobTemplate.defaultContainerUri(project, region)
                      : o.getContainerUri())
              .withMachineType(o.getMachineType())
              .withAccelerator(o.getAcceleratorType(), o.getAcceleratorCount())
              .withServiceAccount(o.getServiceAccount() == null ? "" : o.getServiceAccount())
              .withOutputPrefix(vertexOutput(o, region))
              .withMaxParallelTrials(o.getMaxParallelTrials())
              .withPassThrough(space.passThrough())
              .withPolling(
                  Duration.ofMillis(o.getVertexPollMillis()),
                  Duration.ofMillis(o.getVertexPollMillis() * 6));
    } catch (InvalidSettingException e) {
      throw e; // names its field, which FlagNames turns into the flag
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Vertex AI settings: " + e.getMessage(), e);
    }
    if (o.getDataDir().startsWith("gs://")) {
      v = v.withDataDirectory(o.getDataDir());
    }
    return v;
  }

  /**
   * {@code --vertexProject}, else the GCP {@code --project} (which may come from gcloud's
   * configuration).
   */
  public static String project(VertexOptions o) {
    if (!o.getVertexProject().isBlank()) {
      return o.getVertexProject().trim();
    }
    String gcp = o.as(GcpOptions.class).getProject();
    if (gcp == null || gcp.isBlank()) {
      throw new IllegalArgumentException(
          "--vertexProject is empty and no GCP --project is set; pass --vertexProject=PROJECT_ID (or --project)");
    }
    return gcp.trim();
  }

  public static String region(VertexOptions o) {
    return o.getRegion() == null || o.getRegion().isBlank()
        ? VertexOptions.DEFAULT_REGION
        : o.getRegion().trim();
  }

  /**
   * {@code --vertexOutput}, else {@code gs://BUCKET/tunebeam}, else {@code OUTPUT/vertex} for a
   * gs:// output.
   */
  public static String vertexOutput(SearchOptions o, String region) {
    if (!o.getVertexOutput().isBlank()) {
      return o.getVertexOutput().trim();
    }
    String bucket = o.getBucket().trim();
    if (!bucket.isEmpty()) {
      return "gs://" + CloudNames.bucket("bucket", bucket) + "/tunebeam";
    }
    if (o.getOutput().startsWith("gs://")) {
      return (o.getOutput().endsWith("/") ? o.getOutput() : o.getOutput() + "/") + "vertex";
    }
    throw new IllegalArgumentException(
        "Vertex AI jobs write to Cloud Storage, and --output "
            + o.getOutput()
            + " is local: pass --bucket=BUCKET (a bucket in "
            + region
            + ") or --vertexOutput=gs://BUCKET/PATH");
  }
}
