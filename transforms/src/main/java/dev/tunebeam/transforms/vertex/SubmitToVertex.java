package dev.tunebeam.transforms.vertex;

import dev.tunebeam.transforms.exec.ExecuteTrials;
import dev.tunebeam.transforms.run.StudyRun;
import dev.tunebeam.transforms.settings.Checks;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;

/**
 * Runs each trial as a Vertex AI CustomJob of the trainer container and emits one {@link
 * TrialResult} per trial: SUCCEEDED with the job's {@code metrics.json}, or FAILED with Vertex's
 * error and what to fix. A failure never fails the pipeline.
 *
 * <pre>{@code
 * PCollection<TrialResult> results = trials.apply(SubmitToVertex.to("my-project", "us-central1")
 *     .withContainerUri("us-central1-docker.pkg.dev/my-project/tunebeam/trainer:latest")
 *     .withOutputPrefix("gs://my-bucket/tunebeam")
 *     .withMaxParallelTrials(3));
 * }</pre>
 *
 * <p>Idempotent: each job carries its trial id in a label, and a trial whose job already exists
 * (and did not fail) is attached to instead of submitted again, so a retried bundle or a rerun
 * never pays twice. At most {@code maxParallelTrials} jobs run at once across the whole pipeline:
 * that many lanes in one JVM each take the next trial when their job ended ({@link ExecuteTrials}).
 *
 * <p>Counters (namespace {@code SubmitToVertex}): {@code submitted}, {@code attached}, {@code
 * trials_succeeded}, {@code trials_failed}, {@code trials_skipped}.
 */
public final class SubmitToVertex extends PTransform<PCollection<Trial>, PCollection<TrialResult>> {
  public static final String BACKEND = "vertex";

  private final VertexSettings settings;

  private SubmitToVertex(VertexSettings settings) {
    this.settings = settings;
  }

  /** Jobs in {@code project} and {@code region}, through the regional endpoint. */
  public static SubmitToVertex to(String project, String region) {
    return new SubmitToVertex(VertexSettings.defaults(project, region));
  }

  private SubmitToVertex with(VertexSettings.Builder changed) {
    return new SubmitToVertex(changed.build());
  }

  private SubmitToVertex withJob(CustomJobTemplate template) {
    return with(settings.toBuilder().setTemplate(template));
  }

  /**
   * The trainer image, e.g. {@code us-central1-docker.pkg.dev/PROJECT/tunebeam/trainer:latest}.
   * Required.
   */
  public SubmitToVertex withContainerUri(String uri) {
    return withJob(settings.template().withContainerUri(uri));
  }

  /** Default {@code n1-standard-4}. */
  public SubmitToVertex withMachineType(String machineType) {
    return withJob(settings.template().withMachineType(machineType));
  }

  /** A Vertex accelerator type name ({@code NVIDIA_TESLA_T4}) and count; "" for none (default). */
  public SubmitToVertex withAccelerator(String type, int count) {
    return withJob(settings.template().withAccelerator(type, count));
  }

  /**
   * {@code gs://bucket/path}, a bucket in the job's region. Required. Trial {@code t} writes under
   * {@code <prefix>/<study>/<t>/}.
   */
  public SubmitToVertex withOutputPrefix(String gcsPrefix) {
    return with(
        settings.toBuilder()
            .setOutputPrefix(CloudNames.gcsPrefix("output prefix", gcsPrefix, settings.region())));
  }

  /** The service account jobs run as; default: Vertex AI's Custom Code Service Agent. */
  public SubmitToVertex withServiceAccount(String email) {
    return withJob(settings.template().withServiceAccount(email));
  }

  /** A peered VPC network ({@code projects/NUMBER/global/networks/NAME}); default none. */
  public SubmitToVertex withNetwork(String network) {
    return withJob(settings.template().withNetwork(network));
  }

  /** Vertex stops a job after this long; default Vertex's own limit. */
  public SubmitToVertex withTimeout(Duration timeout) {
    return withJob(settings.template().withTimeout(timeout));
  }

  /** Restart the whole job when a worker restarts (default false). */
  public SubmitToVertex withRestartOnWorkerRestart(boolean restart) {
    return withJob(settings.template().withRestartOnWorkerRestart(restart));
  }

  /** Replaces the whole job shape at once; the launcher and this transform can share one. */
  public SubmitToVertex withTemplate(CustomJobTemplate template) {
    return withJob(template);
  }

  /** Jobs in flight across the pipeline (default 3). */
  public SubmitToVertex withMaxParallelTrials(int max) {
    return with(
        settings.toBuilder().setMaxParallelTrials(Checks.atLeast("maxParallelTrials", max, 1, "")));
  }

  /**
   * The Fashion-MNIST folder the container reads ({@code --data-dir}, usually gs://); default the
   * trainer's own search.
   */
  public SubmitToVertex withDataDirectory(String dir) {
    return with(settings.toBuilder().setDataDirectory(dir));
  }

  /**
   * Search-space parameters passed to the container although the bundled trainer does not know
   * them.
   */
  public SubmitToVertex withPassThrough(Set<String> names) {
    return with(
        settings.toBuilder()
            .setPassThrough(Collections.unmodifiableSet(new LinkedHashSet<>(names))));
  }

  /**
   * Another JobService endpoint: {@code host:port} (TLS, Application Default Credentials) or {@code
   * http://127.0.0.1:PORT} for an emulator or test server (plaintext, no credentials). Blank keeps
   * the regional endpoint.
   */
  public SubmitToVertex withEndpoint(String endpoint) {
    return with(
        settings.toBuilder()
            .setConnector(
                endpoint == null || endpoint.isBlank()
                    ? null
                    : VertexEndpoint.resolve(settings.region(), endpoint)));
  }

  /** Full control of the client settings (credentials, retries, transport). */
  public SubmitToVertex withJobService(JobServiceConnector connector) {
    return with(settings.toBuilder().setConnector(connector));
  }

  /** The Cloud Storage client that reads metrics.json; default: Application Default Credentials. */
  public SubmitToVertex withStorage(StorageFactory storage) {
    return with(settings.toBuilder().setStorage(storage));
  }

  /**
   * How often a running job is polled: {@code initial}, doubling up to {@code max} (default 10 s to
   * 60 s).
   */
  public SubmitToVertex withPolling(Duration initial, Duration max) {
    return with(settings.toBuilder().setPolling(Backoff.of("polling", initial, max)));
  }

  /**
   * Quota and availability errors are retried {@code attempts} times in all, waiting {@code
   * initial} doubling up to {@code max} (default 8, 5 s, 120 s).
   */
  public SubmitToVertex withRetries(int attempts, Duration initial, Duration max) {
    return with(
        settings.toBuilder()
            .setRetryAttempts(Checks.atLeast("retry attempts", attempts, 1, ""))
            .setRetryBackoff(Backoff.of("retry backoff", initial, max)));
  }

  /**
   * The study run these trials belong to (default: a run of this transform's own): once more than
   * its failure bound of the run's trials have failed, on any backend, no more are submitted; the
   * rest come back SKIPPED.
   */
  public SubmitToVertex withRun(StudyRun run) {
    return with(settings.toBuilder().setRun(Objects.requireNonNull(run, "run")));
  }

  public VertexSettings settings() {
    return settings;
  }

  /**
   * Submits and returns at once: one {@link VertexSubmission} per trial, for a later {@link
   * #collect()}.
   */
  public SubmitVertexJobs withoutWaiting() {
    return new SubmitVertexJobs(settings);
  }

  /** Waits for jobs submitted earlier (by {@link #withoutWaiting()}) and reads their results. */
  public AwaitVertexJobs collect() {
    return new AwaitVertexJobs(settings);
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .addIfNotNull(DisplayData.item("project", settings.project()))
        .add(DisplayData.item("region", settings.region()))
        .addIfNotNull(DisplayData.item("outputPrefix", settings.outputPrefix()))
        .add(DisplayData.item("maxParallelTrials", settings.maxParallelTrials()));
  }

  @Override
  public PCollection<TrialResult> expand(PCollection<Trial> trials) {
    settings.checkComplete();
    // One share: its maxParallelTrials lanes in one JVM bound the jobs in flight across the
    // pipeline, on any runner.
    return trials.apply(
        "RunJobs",
        ExecuteTrials.on(new VertexExecutor(settings)).withRun(settings.run()).withShares(1));
  }
}
