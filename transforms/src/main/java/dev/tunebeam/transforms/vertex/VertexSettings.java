package dev.tunebeam.transforms.vertex;

import com.google.auto.value.AutoValue;
import dev.tunebeam.transforms.run.StudyRun;
import java.io.Serializable;
import java.time.Duration;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Everything {@link SubmitToVertex} needs on a worker, immutable: where jobs go ({@code project},
 * {@code region}, how to connect), what each job looks like ({@link CustomJobTemplate}, output
 * prefix, data folder, pass-through parameters), and how patiently to wait (polling and retry
 * backoff, bounded retry attempts, jobs in flight, the study run it belongs to). The values are
 * checked once, by {@link SubmitToVertex}'s factory and {@code withX} methods; what a job cannot do
 * without is named by {@link #checkComplete()} when the transform expands.
 */
@AutoValue
public abstract class VertexSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final int DEFAULT_MAX_PARALLEL_TRIALS = 3;
  public static final Backoff DEFAULT_POLLING =
      new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(60));
  public static final Backoff DEFAULT_RETRY_BACKOFF =
      new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(120));
  public static final int DEFAULT_RETRY_ATTEMPTS = 8;

  public abstract @Nullable String project();

  public abstract String region();

  /** Null: the regional endpoint of {@code region}. */
  public abstract @Nullable JobServiceConnector connector();

  public abstract StorageFactory storage();

  /** {@code gs://bucket/path}; a trial's job writes under {@code <prefix>/<study>/<trial-id>/}. */
  public abstract @Nullable String outputPrefix();

  public abstract CustomJobTemplate template();

  /**
   * The Fashion-MNIST folder the container reads ({@code --data-dir}); null: the trainer's default.
   */
  public abstract @Nullable String dataDirectory();

  public abstract Set<String> passThrough();

  public abstract int maxParallelTrials();

  public abstract Backoff polling();

  public abstract Backoff retryBackoff();

  public abstract int retryAttempts();

  /**
   * The study run the trials belong to: its failure bound, shared with the run's other transforms.
   */
  public abstract StudyRun run();

  abstract Builder toBuilder();

  static VertexSettings defaults(String project, String region) {
    return new AutoValue_VertexSettings.Builder()
        .setProject(CloudNames.project("project", project))
        .setRegion(CloudNames.region("region", region))
        .setStorage(StorageFactory.standard())
        .setTemplate(CustomJobTemplate.of(""))
        .setPassThrough(Set.of())
        .setMaxParallelTrials(DEFAULT_MAX_PARALLEL_TRIALS)
        .setPolling(DEFAULT_POLLING)
        .setRetryBackoff(DEFAULT_RETRY_BACKOFF)
        .setRetryAttempts(DEFAULT_RETRY_ATTEMPTS)
        .setRun(StudyRun.create())
        .build();
  }

  /** The connector to use: the injected one, else the regional endpoint. */
  public JobServiceConnector effectiveConnector() {
    return connector() != null ? connector() : VertexEndpoint.regional(region());
  }

  /** {@code projects/P/locations/R}: where jobs are created and listed. */
  public String parent() {
    return "projects/" + project() + "/locations/" + region();
  }

  /** Throws IllegalArgumentException naming what is missing before any job is submitted. */
  public void checkComplete() {
    if (project() == null || project().isEmpty()) {
      throw new IllegalArgumentException(
          "project is empty; Vertex AI jobs need a Google Cloud project: SubmitToVertex.to(project, region)");
    }
    if (outputPrefix() == null || outputPrefix().isEmpty()) {
      throw new IllegalArgumentException(
          "output prefix is empty; Vertex AI jobs write to Cloud Storage: withOutputPrefix(\"gs://BUCKET/PATH\"), a bucket in "
              + region());
    }
    template().checkComplete();
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setProject(@Nullable String v);

    abstract Builder setRegion(String v);

    abstract Builder setConnector(@Nullable JobServiceConnector v);

    abstract Builder setStorage(StorageFactory v);

    abstract Builder setOutputPrefix(@Nullable String v);

    abstract Builder setTemplate(CustomJobTemplate v);

    abstract Builder setDataDirectory(@Nullable String v);

    abstract Builder setPassThrough(Set<String> v);

    abstract Builder setMaxParallelTrials(int v);

    abstract Builder setPolling(Backoff v);

    abstract Builder setRetryBackoff(Backoff v);

    abstract Builder setRetryAttempts(int v);

    abstract Builder setRun(StudyRun v);

    abstract VertexSettings build();
  }
}
