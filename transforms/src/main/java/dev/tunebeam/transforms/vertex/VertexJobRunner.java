package dev.tunebeam.transforms.vertex;

import com.google.api.gax.rpc.ApiException;
import com.google.cloud.aiplatform.v1.CustomJob;
import com.google.cloud.aiplatform.v1.JobServiceClient;
import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.ListCustomJobsRequest;
import com.google.cloud.storage.Storage;
import dev.tunebeam.trainer.report.GcsArtifactStore;
import dev.tunebeam.trainer.report.GcsPath;
import dev.tunebeam.trainer.report.MetricsJson;
import dev.tunebeam.trainer.report.Secrets;
import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.trainer.report.MetricsReport;
import dev.tunebeam.transforms.results.TrialResult;
import dev.tunebeam.transforms.space.Trial;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs trials as Vertex AI CustomJobs through one {@link JobServiceClient}: find or create the
 * trial's job, poll it to the end, read its {@code metrics.json}. Every outcome is a {@link
 * TrialResult}; nothing it does throws, so one bad trial never fails a bundle.
 */
final class VertexJobRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VertexJobRunner.class);

  /** States after which a job never changes again. */
  private static final Set<JobState> TERMINAL = Set.of(JobState.JOB_STATE_SUCCEEDED, JobState.JOB_STATE_FAILED,
      JobState.JOB_STATE_CANCELLED, JobState.JOB_STATE_EXPIRED, JobState.JOB_STATE_PARTIALLY_SUCCEEDED);

  /** Jobs not worth attaching to: a rerun should try the trial again. */
  private static final Set<JobState> DEAD = Set.of(JobState.JOB_STATE_FAILED, JobState.JOB_STATE_CANCELLING,
      JobState.JOB_STATE_CANCELLED, JobState.JOB_STATE_EXPIRED, JobState.JOB_STATE_PARTIALLY_SUCCEEDED);

  private final VertexSettings settings;
  private final JobServiceClient client;
  private final String connectError;
  private Storage storage;

  private VertexJobRunner(VertexSettings settings, JobServiceClient client, String connectError) {
    this.settings = settings;
    this.client = client;
    this.connectError = connectError;
  }

  /** Connects; a failure to connect is kept and reported as every trial's error rather than thrown. */
  static VertexJobRunner open(VertexSettings settings) {
    JobServiceConnector connector = settings.effectiveConnector();
    try {
      return new VertexJobRunner(settings, JobServiceClient.create(connector.settings()), null);
    } catch (IOException | RuntimeException e) {
      String message = Secrets.redact("cannot connect to Vertex AI at " + connector + ": " + e.getMessage()
          + ". Check Application Default Credentials (gcloud auth application-default login, or the worker's service account)");
      LOG.error(message);
      return new VertexJobRunner(settings, null, message);
    }
  }

  /**
   * The trial's job: an earlier one that did not fail (a retried bundle, a rerun), else a new
   * one. Vertex has no request id, so the label lookup is what keeps this idempotent; it is
   * repeated before every create attempt in case an attempt that timed out did create the job.
   */
  VertexSubmission submit(Trial trial) throws VertexCallException {
    if (client == null) {
      throw new VertexCallException(connectError, null);
    }
    CustomJob job;
    try {
      job = TrialJobs.customJob(trial, settings);
    } catch (IllegalArgumentException e) {
      throw new VertexCallException("cannot build the Vertex AI job for trial " + trial.id() + ": " + e.getMessage(), e);
    }
    String base = job.getJobSpec().getBaseOutputDirectory().getOutputUriPrefix();
    return withRetries("submitting trial " + trial.id() + " to Vertex AI", () -> {
      Optional<CustomJob> existing = existingJob(trial);
      if (existing.isPresent()) {
        LOG.info("trial {}: attaching to existing job {} ({})", trial.id(), existing.get().getName(), existing.get().getState());
        return new VertexSubmission(trial, existing.get().getName(), base, false);
      }
      CustomJob created = client.createCustomJob(settings.parent(), job);
      LOG.info("trial {} ({}): created job {}", trial.id(), trial.describe(), created.getName());
      String survivor = keepOneJob(trial, created.getName());
      return new VertexSubmission(trial, survivor, base, survivor.equals(created.getName()));
    });
  }

  /**
   * Vertex has no request id, so two runners (a retried bundle racing a zombie worker) can both
   * list nothing and both create. After creating, list again: every runner keeps the same job
   * (see {@link #PREFERENCE}) and cancels the others, so no duplicate keeps running on the bill.
   */
  private String keepOneJob(Trial trial, String created) {
    List<CustomJob> live = liveJobs(trial);
    if (live.size() <= 1) {
      return created;
    }
    CustomJob keep = live.stream().min(PREFERENCE).orElseThrow();
    for (CustomJob j : live) {
      if (!j.getName().equals(keep.getName()) && j.getState() != JobState.JOB_STATE_SUCCEEDED) {
        LOG.warn("trial {}: cancelling duplicate job {}; keeping {}", trial.id(), j.getName(), keep.getName());
        client.cancelCustomJob(j.getName());
      }
    }
    return keep.getName();
  }

  /** Which of a trial's live jobs every runner keeps: a finished one, else the oldest. */
  private static final Comparator<CustomJob> PREFERENCE =
      Comparator.<CustomJob>comparingInt(j -> j.getState() == JobState.JOB_STATE_SUCCEEDED ? 0 : 1)
          .thenComparingLong(j -> j.getCreateTime().getSeconds())
          .thenComparingInt(j -> j.getCreateTime().getNanos())
          .thenComparing(CustomJob::getName);

  private Optional<CustomJob> existingJob(Trial trial) {
    return liveJobs(trial).stream().min(PREFERENCE);
  }

  private List<CustomJob> liveJobs(Trial trial) {
    ListCustomJobsRequest request = ListCustomJobsRequest.newBuilder()
        .setParent(settings.parent())
        .setFilter(VertexLabels.trialFilter(trial.id()))
        .build();
    return StreamSupport.stream(client.listCustomJobs(request).iterateAll().spliterator(), false)
        .filter(j -> VertexLabels.value(trial.id()).equals(j.getLabelsMap().get(VertexLabels.TRIAL_ID)))
        .filter(j -> TrialJobs.sameRung(trial, j))
        .filter(j -> !DEAD.contains(j.getState()))
        .toList();
  }

  /** Polls with capped exponential backoff until the job ends, then reads its result. */
  TrialResult await(VertexSubmission submission) {
    Trial trial = submission.trial();
    if (client == null) {
      return TrialResult.failed(trial, SubmitToVertex.BACKEND, connectError, 0, submission.jobName());
    }
    JobState last = null;
    int sinceChange = 0;
    try {
      while (true) {
        CustomJob job = withRetries("polling job " + submission.jobName(), () -> client.getCustomJob(submission.jobName()));
        if (job.getState() != last) {
          LOG.info("trial {}: job {} is {}", trial.id(), job.getName(), job.getState());
          last = job.getState();
          sinceChange = 0;
        }
        if (TERMINAL.contains(job.getState())) {
          return finished(submission, job);
        }
        settings.polling().sleep(sinceChange++);
      }
    } catch (VertexCallException e) {
      return TrialResult.failed(trial, SubmitToVertex.BACKEND, e.getMessage(), 0, submission.jobName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return TrialResult.failed(trial, SubmitToVertex.BACKEND, "interrupted while waiting for job " + submission.jobName()
          + "; the job keeps running, and a rerun attaches to it", 0, submission.jobName());
    }
  }

  private TrialResult finished(VertexSubmission submission, CustomJob job) {
    Trial trial = submission.trial();
    double seconds = job.hasStartTime() && job.hasEndTime() ? job.getEndTime().getSeconds() - job.getStartTime().getSeconds() : 0;
    if (job.getState() != JobState.JOB_STATE_SUCCEEDED) {
      String state = job.getState().name().substring("JOB_STATE_".length());
      String error = VertexErrors.jobEnded(job.getName(), state, job.hasError() ? job.getError() : null, settings);
      LOG.warn("trial {} FAILED: {}", trial.id(), error);
      return TrialResult.failed(trial, SubmitToVertex.BACKEND, error, seconds, job.getName());
    }
    String base = job.getJobSpec().getBaseOutputDirectory().getOutputUriPrefix();
    if (base.isEmpty()) {
      base = submission.baseOutputDirectory();
    }
    String metrics = TrialJobs.metricsPath(base);
    try {
      Optional<byte[]> bytes = new GcsArtifactStore(GcsPath.parse(TrialJobs.modelDirectory(base)), storage()).read(MetricsJson.FILE_NAME);
      if (bytes.isEmpty()) {
        return TrialResult.failed(trial, SubmitToVertex.BACKEND, "Vertex AI job " + job.getName() + " SUCCEEDED but wrote no " + metrics
            + "; the container must write metrics.json to $AIP_MODEL_DIR (the bundled trainer does)", seconds, job.getName());
      }
      MetricsReport report = MetricsJson.read(metrics, bytes.get());
      LOG.info("trial {} SUCCEEDED on Vertex AI: final test accuracy {}", trial.id(),
          String.format("%.4f", report.finalMetric(EpochRecord.TEST_ACCURACY)));
      return TrialResult.succeeded(trial, SubmitToVertex.BACKEND, report, job.getName());
    } catch (IOException | RuntimeException e) {
      return TrialResult.failed(trial, SubmitToVertex.BACKEND, "Vertex AI job " + job.getName() + " SUCCEEDED but " + metrics
          + " cannot be read: " + e.getMessage() + ". Give the pipeline's account roles/storage.objectViewer on the bucket", seconds, job.getName());
    }
  }

  private Storage storage() {
    if (storage == null) {
      storage = settings.storage().create();
    }
    return storage;
  }

  @FunctionalInterface
  private interface Call<T> {
    T call();
  }

  /** Retries quota and availability errors with backoff, a bounded number of times. */
  private <T> T withRetries(String action, Call<T> call) throws VertexCallException {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.call();
      } catch (ApiException e) {
        if (!VertexErrors.retryable(e) || attempt >= settings.retryAttempts()) {
          throw new VertexCallException(VertexErrors.explain(action, e, settings, attempt), e);
        }
        LOG.info("{}: {} (attempt {} of {}); retrying", action, e.getStatusCode().getCode(), attempt, settings.retryAttempts());
        try {
          settings.retryBackoff().sleep(attempt - 1);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new VertexCallException(action + " was interrupted", ie);
        }
      }
    }
  }

  @Override
  public void close() {
    if (storage != null) {
      try {
        storage.close();
      } catch (Exception e) {
        LOG.debug("closing the Cloud Storage client: {}", e.toString());
      }
    }
    if (client != null) {
      client.close();
      try {
        client.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
