package dev.tunebeam.transforms.vertex;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import java.util.Locale;
import java.util.Set;
import org.apache.beam.sdk.annotations.Internal;

/**
 * Turns Vertex AI errors into sentences that say what to fix: the troubleshooting table of the
 * reference launcher (IAM role, image not found, quota, bucket and job in different regions). Also
 * decides which errors are worth retrying.
 */
@Internal
public final class VertexErrors {
  private static final Set<StatusCode.Code> TRANSIENT =
      Set.of(
          StatusCode.Code.RESOURCE_EXHAUSTED,
          StatusCode.Code.UNAVAILABLE,
          StatusCode.Code.DEADLINE_EXCEEDED);

  private VertexErrors() {}

  public static boolean retryable(ApiException e) {
    return TRANSIENT.contains(e.getStatusCode().getCode());
  }

  /** The message for a call that failed for good, after {@code attempts} tries. */
  public static String explain(String action, ApiException e, VertexSettings s, int attempts) {
    StatusCode.Code code = e.getStatusCode().getCode();
    String what = action + " failed: " + code + ": " + e.getMessage();
    return what
        + ". "
        + switch (code) {
          case PERMISSION_DENIED, UNAUTHENTICATED -> iamHint(s);
          case NOT_FOUND -> notFoundHint(s);
          case INVALID_ARGUMENT, FAILED_PRECONDITION -> invalidHint(s);
          case RESOURCE_EXHAUSTED -> "Gave up after " + attempts + " attempts. " + quotaHint(s);
          case UNAVAILABLE, DEADLINE_EXCEEDED ->
              "Gave up after "
                  + attempts
                  + " attempts; Vertex AI in "
                  + s.region()
                  + " did not answer. Check the region and your network, then rerun: the job is found again by its trial_id label.";
          default ->
              "See the Vertex AI console for project "
                  + s.project()
                  + ", region "
                  + s.region()
                  + ".";
        };
  }

  /** The message for a job that ended without success, with Vertex's own error text. */
  public static String jobEnded(
      String jobName, String state, com.google.rpc.Status error, VertexSettings s) {
    String text =
        error == null || error.getMessage().isEmpty()
            ? "(Vertex gave no error text)"
            : error.getMessage();
    String message = "Vertex AI job " + jobName + " ended " + state + ": " + text;
    String hint = hintFor(text, s);
    return hint.isEmpty() ? message : message + ". " + hint;
  }

  /** A hint when Vertex's text names a known cause; empty when it does not. */
  static String hintFor(String text, VertexSettings s) {
    String t = text.toLowerCase(Locale.ROOT);
    if (t.contains("quota")) {
      return quotaHint(s);
    }
    if (t.contains("permission") || t.contains("403") || t.contains("denied")) {
      return iamHint(s);
    }
    if (t.contains("image")
        && (t.contains("not found") || t.contains("pull") || t.contains("manifest"))) {
      return imageHint(s);
    }
    if (t.contains("region") || t.contains("location")) {
      return regionHint(s);
    }
    return "";
  }

  static String iamHint(VertexSettings s) {
    String sa =
        s.template().serviceAccount().isEmpty()
            ? "the Vertex AI Custom Code Service Agent (service-PROJECT_NUMBER@gcp-sa-aiplatform-cc.iam.gserviceaccount.com)"
            : s.template().serviceAccount();
    return "Grant the caller roles/aiplatform.user on project "
        + s.project()
        + ", and give "
        + sa
        + " roles/storage.objectAdmin on "
        + bucketOf(s)
        + " and roles/artifactregistry.reader on the image's repository";
  }

  static String notFoundHint(VertexSettings s) {
    return "Check that project "
        + s.project()
        + " exists with the Vertex AI API enabled (gcloud services enable aiplatform.googleapis.com), "
        + "that region "
        + s.region()
        + " offers Vertex AI training, and "
        + imageHint(s);
  }

  static String imageHint(VertexSettings s) {
    return "check that the image "
        + (s.template().containerUri().isEmpty() ? "(none set)" : s.template().containerUri())
        + " exists in Artifact Registry (gcloud artifacts docker images list) and the job's service account may pull it";
  }

  static String invalidHint(VertexSettings s) {
    return "Check machine type "
        + s.template().machineType()
        + (s.template().acceleratorType().isEmpty()
            ? ""
            : " with " + s.template().acceleratorCount() + " x " + s.template().acceleratorType())
        + " is offered in "
        + s.region()
        + ", and "
        + regionHint(s);
  }

  static String regionHint(VertexSettings s) {
    return "check that bucket "
        + bucketOf(s)
        + " is in region "
        + s.region()
        + " (the bucket's region must match the job's region: gcloud storage buckets describe "
        + bucketOf(s)
        + " --format='value(location)')";
  }

  static String quotaHint(VertexSettings s) {
    return "The project's quota for "
        + s.template().machineType()
        + (s.template().acceleratorType().isEmpty() ? "" : " / " + s.template().acceleratorType())
        + " training in "
        + s.region()
        + " is used up: lower --maxParallelTrials, or request more quota (IAM & Admin > Quotas, service aiplatform.googleapis.com)";
  }

  private static String bucketOf(VertexSettings s) {
    if (s.outputPrefix() == null || s.outputPrefix().isEmpty()) {
      return "the output bucket";
    }
    String rest = s.outputPrefix().substring("gs://".length());
    int slash = rest.indexOf('/');
    return "gs://" + (slash < 0 ? rest : rest.substring(0, slash));
  }
}
