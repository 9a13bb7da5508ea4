package dev.tunebeam.transforms.vertex;

import com.google.cloud.aiplatform.v1.CustomJob;
import com.google.cloud.aiplatform.v1.JobServiceClient;
import dev.tunebeam.trainer.report.Secrets;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs trials as Vertex AI CustomJobs through one {@link JobServiceClient}: find or create the
 * trial's job ({@link TrialJobLookup}), poll it to the end ({@link JobPoller}), read its {@code
 * metrics.json} ({@link JobResultReader}), each call retried by {@link VertexRetries}. Every
 * outcome is a {@link TrialResult}; nothing it does throws, so one bad trial never fails a bundle.
 */
final class VertexJobRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VertexJobRunner.class);

  private final VertexSettings settings;
  private final JobServiceClient client;
  private final String connectError;
  private final VertexRetries retries;
  private final JobResultReader reader;

  private VertexJobRunner(VertexSettings settings, JobServiceClient client, String connectError) {
    this.settings = settings;
    this.client = client;
    this.connectError = connectError;
    this.retries = new VertexRetries(settings);
    this.reader = new JobResultReader(settings);
  }

  /**
   * Connects; a failure to connect is kept and reported as every trial's error rather than thrown.
   */
  static VertexJobRunner open(VertexSettings settings) {
    JobServiceConnector connector = settings.effectiveConnector();
    try {
      return new VertexJobRunner(settings, JobServiceClient.create(connector.settings()), null);
    } catch (IOException | RuntimeException e) {
      String message =
          Secrets.redact(
              "cannot connect to Vertex AI at "
                  + connector
                  + ": "
                  + e.getMessage()
                  + ". Check Application Default Credentials (gcloud auth application-default login, or the worker's service account)");
      LOG.error(message);
      return new VertexJobRunner(settings, null, message);
    }
  }

  /**
   * The trial's job: an earlier one that did not fail (a retried bundle, a rerun), else a new one.
   * The label lookup is repeated before every create attempt in case an attempt that timed out did
   * create the job.
   */
  VertexSubmission submit(Trial trial) throws VertexCallException {
    if (client == null) {
      throw new VertexCallException(connectError, null);
    }
    CustomJob job;
    try {
      job = TrialJobs.customJob(trial, settings);
    } catch (IllegalArgumentException e) {
      throw new VertexCallException(
          "cannot build the Vertex AI job for trial " + trial.id() + ": " + e.getMessage(), e);
    }
    String base = job.getJobSpec().getBaseOutputDirectory().getOutputUriPrefix();
    TrialJobLookup lookup = new TrialJobLookup(client, settings.parent());
    return retries.call(
        "submitting trial " + trial.id() + " to Vertex AI",
        () -> {
          Optional<CustomJob> existing = lookup.existing(trial);
          if (existing.isPresent()) {
            LOG.info(
                "trial {}: attaching to existing job {} ({})",
                trial.id(),
                existing.get().getName(),
                existing.get().getState());
            return new VertexSubmission(trial, existing.get().getName(), base, false);
          }
          CustomJob created = client.createCustomJob(settings.parent(), job);
          LOG.info(
              "trial {} ({}): created job {}", trial.id(), trial.describe(), created.getName());
          String survivor = lookup.keepOne(trial, created.getName());
          return new VertexSubmission(trial, survivor, base, survivor.equals(created.getName()));
        });
  }

  /** Waits for the submission's job to end, then reads its result. */
  TrialResult await(VertexSubmission submission) {
    Trial trial = submission.trial();
    if (client == null) {
      return TrialResult.failed(
          trial, SubmitToVertex.BACKEND, connectError, 0, submission.jobName());
    }
    try {
      CustomJob ended =
          new JobPoller(client, retries, settings.polling())
              .untilEnded(trial, submission.jobName());
      return reader.read(submission, ended);
    } catch (VertexCallException e) {
      return TrialResult.failed(
          trial, SubmitToVertex.BACKEND, e.getMessage(), 0, submission.jobName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return TrialResult.failed(
          trial,
          SubmitToVertex.BACKEND,
          "interrupted while waiting for job "
              + submission.jobName()
              + "; the job keeps running, and a rerun attaches to it",
          0,
          submission.jobName());
    }
  }

  @Override
  public void close() {
    reader.close();
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
