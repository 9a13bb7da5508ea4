package dev.tunebeam.transforms.vertex;

import dev.tunebeam.transforms.results.FailureBudget;
import dev.tunebeam.transforms.run.StudyRun;
import dev.tunebeam.transforms.results.TrialResult;
import dev.tunebeam.transforms.space.Trial;
import java.time.Duration;
import java.util.Set;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
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
 * trials are dealt into that many groups and each group runs its trials one after another.
 *
 * <p>Counters (namespace {@code SubmitToVertex}): {@code submitted}, {@code attached}, {@code
 * succeeded}, {@code failed}.
 */
public final class SubmitToVertex extends PTransform<PCollection<Trial>, PCollection<TrialResult>> {
  public static final String BACKEND = "vertex";

  private final VertexSettings settings;
  private final StudyRun run;

  private SubmitToVertex(VertexSettings settings, StudyRun run) {
    this.settings = settings;
    this.run = run;
  }

  /** Jobs in {@code project} and {@code region}, through the regional endpoint. */
  public static SubmitToVertex to(String project, String region) {
    return new SubmitToVertex(VertexSettings.defaults(project, region), StudyRun.create());
  }

  /** The trainer image, e.g. {@code us-central1-docker.pkg.dev/PROJECT/tunebeam/trainer:latest}. Required. */
  public SubmitToVertex withContainerUri(String uri) {
    return new SubmitToVertex(settings.withTemplate(settings.template().withContainerUri(uri)), run);
  }

  /** Default {@code n1-standard-4}. */
  public SubmitToVertex withMachineType(String machineType) {
    return new SubmitToVertex(settings.withTemplate(settings.template().withMachineType(machineType)), run);
  }

  /** A Vertex accelerator type name ({@code NVIDIA_TESLA_T4}) and count; "" for none (default). */
  public SubmitToVertex withAccelerator(String type, int count) {
    return new SubmitToVertex(settings.withTemplate(settings.template().withAccelerator(type, count)), run);
  }

  /** {@code gs://bucket/path}, a bucket in the job's region. Required. Trial {@code t} writes under {@code <prefix>/<study>/<t>/}. */
  public SubmitToVertex withOutputPrefix(String gcsPrefix) {
    return new SubmitToVertex(settings.withOutputPrefix(gcsPrefix), run);
  }

  /** The service account jobs run as; default: Vertex AI's Custom Code Service Agent. */
  public SubmitToVertex withServiceAccount(String email) {
    return new SubmitToVertex(settings.withTemplate(settings.template().withServiceAccount(email)), run);
  }

  /** A peered VPC network ({@code projects/NUMBER/global/networks/NAME}); default none. */
  public SubmitToVertex withNetwork(String network) {
    return new SubmitToVertex(settings.withTemplate(settings.template().withNetwork(network)), run);
  }

  /** Vertex stops a job after this long; default Vertex's own limit. */
  public SubmitToVertex withTimeout(Duration timeout) {
    return new SubmitToVertex(settings.withTemplate(settings.template().withTimeout(timeout)), run);
  }

  /** Restart the whole job when a worker restarts (default false). */
  public SubmitToVertex withRestartOnWorkerRestart(boolean restart) {
    return new SubmitToVertex(settings.withTemplate(settings.template().withRestartOnWorkerRestart(restart)), run);
  }

  /** Replaces the whole job shape at once; the launcher and this transform can share one. */
  public SubmitToVertex withTemplate(CustomJobTemplate template) {
    return new SubmitToVertex(settings.withTemplate(template), run);
  }

  /** Jobs in flight across the pipeline (default 3). */
  public SubmitToVertex withMaxParallelTrials(int max) {
    return new SubmitToVertex(settings.withMaxParallelTrials(max), run);
  }

  /** The Fashion-MNIST folder the container reads ({@code --data-dir}, usually gs://); default the trainer's own search. */
  public SubmitToVertex withDataDirectory(String dir) {
    return new SubmitToVertex(settings.withDataDirectory(dir), run);
  }

  /** Search-space parameters passed to the container although the bundled trainer does not know them. */
  public SubmitToVertex withPassThrough(Set<String> names) {
    return new SubmitToVertex(settings.withPassThrough(names), run);
  }

  /**
   * Another JobService endpoint: {@code host:port} (TLS, Application Default Credentials) or
   * {@code http://127.0.0.1:PORT} for an emulator or test server (plaintext, no credentials).
   * Blank keeps the regional endpoint.
   */
  public SubmitToVertex withEndpoint(String endpoint) {
    return new SubmitToVertex(settings.withConnector(endpoint == null || endpoint.isBlank() ? null : VertexEndpoint.resolve(settings.region(), endpoint)), run);
  }

  /** Full control of the client settings (credentials, retries, transport). */
  public SubmitToVertex withJobService(JobServiceConnector connector) {
    return new SubmitToVertex(settings.withConnector(connector), run);
  }

  /** The Cloud Storage client that reads metrics.json; default: Application Default Credentials. */
  public SubmitToVertex withStorage(StorageFactory storage) {
    return new SubmitToVertex(settings.withStorage(storage), run);
  }

  /** How often a running job is polled: {@code initial}, doubling up to {@code max} (default 10 s to 60 s). */
  public SubmitToVertex withPolling(Duration initial, Duration max) {
    return new SubmitToVertex(settings.withPolling(new Backoff(initial, max)), run);
  }

  /** Quota and availability errors are retried {@code attempts} times in all, waiting {@code initial} doubling up to {@code max} (default 8, 5 s, 120 s). */
  public SubmitToVertex withRetries(int attempts, Duration initial, Duration max) {
    return new SubmitToVertex(settings.withRetries(attempts, new Backoff(initial, max)), run);
  }

  /**
   * The study run these trials belong to (default: a run of this transform's own): once more
   * than its failure bound of the run's trials have failed, on any backend, no more are
   * submitted; the rest come back SKIPPED.
   */
  public SubmitToVertex withRun(StudyRun run) {
    return new SubmitToVertex(settings, java.util.Objects.requireNonNull(run, "run"));
  }

  public VertexSettings settings() {
    return settings;
  }

  /** Submits and returns at once: one {@link VertexSubmission} per trial, for a later {@link #collect()}. */
  public SubmitVertexJobs withoutWaiting() {
    return new SubmitVertexJobs(settings);
  }

  /** Waits for jobs submitted earlier (by {@link #withoutWaiting()}) and reads their results. */
  public AwaitVertexJobs collect() {
    return new AwaitVertexJobs(settings);
  }

  @Override
  public PCollection<TrialResult> expand(PCollection<Trial> trials) {
    settings.checkComplete();
    return trials
        .apply("DealIntoSlots", new RoundRobinShards(settings.maxParallelTrials()))
        .apply("RunJobs", ParDo.of(new RunSlotFn(settings, run)));
  }

  /** Runs one slot's trials one after another: submit, wait, read the result. */
  static final class RunSlotFn extends VertexRunnerFn<KV<Integer, Iterable<Trial>>, TrialResult> {
    private final Counter submitted = Metrics.counter(SubmitToVertex.class, "submitted");
    private final Counter attached = Metrics.counter(SubmitToVertex.class, "attached");
    private final Counter succeeded = Metrics.counter(SubmitToVertex.class, "succeeded");
    private final Counter failed = Metrics.counter(SubmitToVertex.class, "failed");
    private final StudyRun run;

    RunSlotFn(VertexSettings settings, StudyRun run) {
      super(settings);
      this.run = run;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<Trial>> slot, OutputReceiver<TrialResult> out) {
      FailureBudget budget = run.failureBudget();
      for (Trial trial : slot.getValue()) {
        if (budget.exhausted()) {
          out.output(TrialResult.skipped(trial, BACKEND, budget.skipReason()));
          continue;
        }
        TrialResult result;
        try {
          VertexSubmission submission = runner().submit(trial);
          (submission.created() ? submitted : attached).inc();
          result = runner().await(submission);
        } catch (VertexCallException e) {
          result = TrialResult.failed(trial, BACKEND, e.getMessage(), 0, null);
        }
        (result.succeeded() ? succeeded : failed).inc();
        if (!result.succeeded()) {
          budget.recordFailure();
        }
        out.output(result);
      }
    }
  }
}
