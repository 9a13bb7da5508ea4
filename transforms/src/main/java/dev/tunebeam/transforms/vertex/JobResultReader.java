package dev.tunebeam.transforms.vertex;

import com.google.cloud.aiplatform.v1.CustomJob;
import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.storage.Storage;
import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.trainer.report.GcsArtifactStore;
import dev.tunebeam.trainer.report.GcsPath;
import dev.tunebeam.trainer.report.MetricsJson;
import dev.tunebeam.trainer.report.MetricsReport;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an ended job into its trial's result: Vertex's error for a job that did not succeed, else
 * the {@code metrics.json} the job wrote to Cloud Storage (one Storage client, opened on first
 * use).
 */
final class JobResultReader implements AutoCloseable {
  // One log name for everything a Vertex runner does, so a user filters one logger.
  private static final Logger LOG = LoggerFactory.getLogger(VertexJobRunner.class);

  private final VertexSettings settings;
  private Storage storage;

  JobResultReader(VertexSettings settings) {
    this.settings = settings;
  }

  TrialResult read(VertexSubmission submission, CustomJob job) {
    Trial trial = submission.trial();
    double seconds =
        job.hasStartTime() && job.hasEndTime()
            ? job.getEndTime().getSeconds() - job.getStartTime().getSeconds()
            : 0;
    if (job.getState() != JobState.JOB_STATE_SUCCEEDED) {
      String state = job.getState().name().substring("JOB_STATE_".length());
      String error =
          VertexErrors.jobEnded(
              job.getName(), state, job.hasError() ? job.getError() : null, settings);
      LOG.warn("trial {} FAILED: {}", trial.id(), error);
      return TrialResult.failed(trial, SubmitToVertex.BACKEND, error, seconds, job.getName());
    }
    String base = job.getJobSpec().getBaseOutputDirectory().getOutputUriPrefix();
    if (base.isEmpty()) {
      base = submission.baseOutputDirectory();
    }
    String metrics = TrialJobs.metricsPath(base);
    try {
      Optional<byte[]> bytes =
          new GcsArtifactStore(GcsPath.parse(TrialJobs.modelDirectory(base)), storage())
              .read(MetricsJson.FILE_NAME);
      if (bytes.isEmpty()) {
        return TrialResult.failed(
            trial,
            SubmitToVertex.BACKEND,
            "Vertex AI job "
                + job.getName()
                + " SUCCEEDED but wrote no "
                + metrics
                + "; the container must write metrics.json to $AIP_MODEL_DIR (the bundled trainer does)",
            seconds,
            job.getName());
      }
      MetricsReport report = MetricsJson.read(metrics, bytes.get());
      LOG.info(
          "trial {} SUCCEEDED on Vertex AI: final test accuracy {}",
          trial.id(),
          String.format("%.4f", report.finalMetric(EpochRecord.TEST_ACCURACY)));
      return TrialResult.succeeded(trial, SubmitToVertex.BACKEND, report, job.getName());
    } catch (IOException | RuntimeException e) {
      return TrialResult.failed(
          trial,
          SubmitToVertex.BACKEND,
          "Vertex AI job "
              + job.getName()
              + " SUCCEEDED but "
              + metrics
              + " cannot be read: "
              + e.getMessage()
              + ". Give the pipeline's account roles/storage.objectViewer on the bucket",
          seconds,
          job.getName());
    }
  }

  private Storage storage() {
    if (storage == null) {
      storage = settings.storage().create();
    }
    return storage;
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
  }
}
