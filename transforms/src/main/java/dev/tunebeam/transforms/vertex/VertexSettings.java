package dev.tunebeam.transforms.vertex;

import dev.tunebeam.trainer.report.GcsPath;
import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Everything {@link SubmitToVertex} needs on a worker: where jobs go ({@code project}, {@code
 * region}, how to connect), what each job looks like ({@link CustomJobTemplate}, output prefix,
 * data folder, pass-through parameters), and how patiently to wait (polling and retry backoff,
 * bounded retry attempts, jobs in flight).
 *
 * @param connector null: the regional endpoint of {@code region}
 * @param outputPrefix {@code gs://bucket/path}; a trial's job writes under {@code <prefix>/<study>/<trial-id>/}
 * @param dataDirectory the Fashion-MNIST folder the container reads ({@code --data-dir}); null: the trainer's default
 */
public record VertexSettings(
    String project,
    String region,
    JobServiceConnector connector,
    StorageFactory storage,
    String outputPrefix,
    CustomJobTemplate template,
    String dataDirectory,
    Set<String> passThrough,
    int maxParallelTrials,
    Backoff polling,
    Backoff retryBackoff,
    int retryAttempts) implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final int DEFAULT_MAX_PARALLEL_TRIALS = 3;
  public static final Backoff DEFAULT_POLLING = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(60));
  public static final Backoff DEFAULT_RETRY_BACKOFF = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(120));
  public static final int DEFAULT_RETRY_ATTEMPTS = 8;

  public VertexSettings {
    passThrough = Collections.unmodifiableSet(new LinkedHashSet<>(passThrough));
    if (project != null && !project.isEmpty() && !project.matches("[a-z][a-z0-9-]{4,28}[a-z0-9]|\\d+")) {
      throw new IllegalArgumentException("project " + project + " is not a Google Cloud project id; use 6-30 lowercase letters, digits and '-' (or the project number)");
    }
    Regions.check("region", region);
    if (outputPrefix != null && !outputPrefix.isEmpty()) {
      if (!GcsPath.isGcs(outputPrefix)) {
        throw new IllegalArgumentException("output prefix " + outputPrefix + " is not a gs:// path; Vertex AI jobs write to Cloud Storage: use gs://BUCKET/PATH in region " + region);
      }
      outputPrefix = GcsPath.parse(outputPrefix).toString();
    }
    if (maxParallelTrials < 1) {
      throw new IllegalArgumentException("maxParallelTrials " + maxParallelTrials + " must be at least 1");
    }
    if (retryAttempts < 1) {
      throw new IllegalArgumentException("retry attempts " + retryAttempts + " must be at least 1");
    }
  }

  static VertexSettings defaults(String project, String region) {
    return new VertexSettings(project, region, null, StorageFactory.standard(), null, CustomJobTemplate.of(""), null, Set.of(),
        DEFAULT_MAX_PARALLEL_TRIALS, DEFAULT_POLLING, DEFAULT_RETRY_BACKOFF, DEFAULT_RETRY_ATTEMPTS);
  }

  /** The connector to use: the injected one, else the regional endpoint. */
  public JobServiceConnector effectiveConnector() {
    return connector != null ? connector : VertexEndpoint.regional(region);
  }

  /** {@code projects/P/locations/R}: where jobs are created and listed. */
  public String parent() {
    return "projects/" + project + "/locations/" + region;
  }

  /** Throws IllegalArgumentException naming what is missing before any job is submitted. */
  public void checkComplete() {
    if (project == null || project.isEmpty()) {
      throw new IllegalArgumentException("project is empty; Vertex AI jobs need a Google Cloud project (--vertexProject or --project)");
    }
    if (outputPrefix == null || outputPrefix.isEmpty()) {
      throw new IllegalArgumentException("output prefix is empty; Vertex AI jobs write to Cloud Storage: pass gs://BUCKET/PATH (a bucket in " + region + ")");
    }
    template.checkComplete();
  }

  VertexSettings withConnector(JobServiceConnector v) {
    return new VertexSettings(project, region, v, storage, outputPrefix, template, dataDirectory, passThrough, maxParallelTrials, polling, retryBackoff, retryAttempts);
  }

  VertexSettings withStorage(StorageFactory v) {
    return new VertexSettings(project, region, connector, v, outputPrefix, template, dataDirectory, passThrough, maxParallelTrials, polling, retryBackoff, retryAttempts);
  }

  VertexSettings withOutputPrefix(String v) {
    return new VertexSettings(project, region, connector, storage, v, template, dataDirectory, passThrough, maxParallelTrials, polling, retryBackoff, retryAttempts);
  }

  VertexSettings withTemplate(CustomJobTemplate v) {
    return new VertexSettings(project, region, connector, storage, outputPrefix, v, dataDirectory, passThrough, maxParallelTrials, polling, retryBackoff, retryAttempts);
  }

  VertexSettings withDataDirectory(String v) {
    return new VertexSettings(project, region, connector, storage, outputPrefix, template, v, passThrough, maxParallelTrials, polling, retryBackoff, retryAttempts);
  }

  VertexSettings withPassThrough(Set<String> v) {
    return new VertexSettings(project, region, connector, storage, outputPrefix, template, dataDirectory, v, maxParallelTrials, polling, retryBackoff, retryAttempts);
  }

  VertexSettings withMaxParallelTrials(int v) {
    return new VertexSettings(project, region, connector, storage, outputPrefix, template, dataDirectory, passThrough, v, polling, retryBackoff, retryAttempts);
  }

  VertexSettings withPolling(Backoff v) {
    return new VertexSettings(project, region, connector, storage, outputPrefix, template, dataDirectory, passThrough, maxParallelTrials, v, retryBackoff, retryAttempts);
  }

  VertexSettings withRetries(int attempts, Backoff backoff) {
    return new VertexSettings(project, region, connector, storage, outputPrefix, template, dataDirectory, passThrough, maxParallelTrials, polling, backoff, attempts);
  }
}
