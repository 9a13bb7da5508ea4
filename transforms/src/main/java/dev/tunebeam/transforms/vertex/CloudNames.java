package dev.tunebeam.transforms.vertex;

import dev.tunebeam.trainer.report.GcsPath;
import dev.tunebeam.transforms.settings.InvalidSettingException;
import org.apache.beam.sdk.annotations.Internal;

/**
 * The one check of each Google Cloud name a user types (region, project, bucket, gs:// prefix),
 * done before the name becomes part of a host name, a resource path or an object path. {@code
 * field} is the caller's word for the value; the sentence starts with it.
 */
@Internal
public final class CloudNames {
  private CloudNames() {}

  public static String region(String field, String region) {
    if (region == null || !region.matches("[a-z]+-[a-z]+\\d+")) {
      throw new InvalidSettingException(
          field,
          region + " is not a Google Cloud region; use a name like us-central1 or europe-west4");
    }
    return region;
  }

  /**
   * A project id or number; empty is left to {@link VertexSettings#checkComplete()}, which says
   * what needs one.
   */
  public static String project(String field, String project) {
    if (project != null
        && !project.isEmpty()
        && !project.matches("[a-z][a-z0-9-]{4,28}[a-z0-9]|\\d+")) {
      throw new InvalidSettingException(
          field,
          project
              + " is not a Google Cloud project id; use 6-30 lowercase letters, digits and '-' (or the project number)");
    }
    return project;
  }

  /** A bucket's name alone, as {@code gs://NAME/...} is built from it. */
  public static String bucket(String field, String bucket) {
    if (bucket.startsWith("gs://") || bucket.contains("/")) {
      throw new InvalidSettingException(
          field,
          bucket
              + " must be a bucket name without gs:// or a path, e.g. "
              + bucket.replaceFirst("^gs://", "").replaceAll("/.*", ""));
    }
    return bucket;
  }

  /**
   * {@code gs://bucket/path}, normalised; null or empty stays as it is (a missing prefix is named
   * when the transform expands).
   */
  public static String gcsPrefix(String field, String prefix, String region) {
    if (prefix == null || prefix.isEmpty()) {
      return prefix;
    }
    if (!GcsPath.isGcs(prefix)) {
      throw new InvalidSettingException(
          field,
          prefix
              + " is not a gs:// path; Vertex AI jobs write to Cloud Storage: use gs://BUCKET/PATH in region "
              + region);
    }
    return GcsPath.parse(prefix).toString();
  }
}
