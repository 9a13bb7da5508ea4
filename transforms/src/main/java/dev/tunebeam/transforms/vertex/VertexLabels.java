package dev.tunebeam.transforms.vertex;

import java.util.Locale;
import org.apache.beam.sdk.annotations.Internal;

/**
 * Vertex AI label values: at most 64 characters of lowercase letters, digits, '_' and '-'. Labels
 * are how a trial finds its job again (Vertex has no request id), so the same trial must always
 * give the same value.
 */
@Internal
public final class VertexLabels {
  public static final String TRIAL_ID = "trial_id";
  public static final String STUDY = "study";
  public static final String CREATED_BY = "created_by";

  /**
   * The epoch a trial's job trains to: a schedule runs one job per trial and rung, all in the
   * trial's folder.
   */
  public static final String RUNG = "rung";

  public static final int MAX_LENGTH = 64;

  private VertexLabels() {}

  /** {@code value} lowercased, every other character replaced by '-', cut to 64 characters. */
  public static String value(String value) {
    String v = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
    return v.length() > MAX_LENGTH ? v.substring(0, MAX_LENGTH) : v;
  }

  /** The list filter that finds the jobs of one trial: {@code labels.trial_id="<id>"}. */
  public static String trialFilter(String trialId) {
    return "labels." + TRIAL_ID + "=\"" + value(trialId) + "\"";
  }
}
