package dev.tunebeam.transforms.vertex;

import com.google.cloud.aiplatform.v1.CustomJob;
import dev.tunebeam.trainer.contract.TrialContract;
import dev.tunebeam.trainer.report.MetricsJson;
import dev.tunebeam.transforms.space.TrainerParameters;
import dev.tunebeam.transforms.study.Trial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.annotations.Internal;

/**
 * The CustomJob that runs one trial. Its display name and labels carry the study and the trial id,
 * which is how a retried bundle or a rerun finds the job again; its output directory is {@code
 * <prefix>/<study>/<trial-id>/}, so Vertex sets {@code AIP_MODEL_DIR} to {@code .../model/}, where
 * the trainer writes {@code metrics.json}.
 */
@Internal
public final class TrialJobs {
  static final String DISPLAY_NAME_PREFIX = "tunebeam-";
  public static final String CREATED_BY = "tunebeam";

  private TrialJobs() {}

  public static CustomJob customJob(Trial trial, VertexSettings settings) {
    return CustomJob.newBuilder()
        .setDisplayName(displayName(trial))
        .putAllLabels(labels(trial))
        .setJobSpec(
            settings
                .template()
                .spec(
                    args(trial, settings.passThrough(), settings.dataDirectory()),
                    environment(trial),
                    baseOutputDirectory(settings.outputPrefix(), trial)))
        .build();
  }

  /**
   * The trial contract's variables Vertex AI does not set for a plain CustomJob: the trial's id. It
   * sets the {@code AIP_} folders from the job's output directory itself; the metric file keeps its
   * default.
   */
  public static Map<String, String> environment(Trial trial) {
    return new TrialContract(trial.id(), null, null, null, null).environment();
  }

  /** The trainer flags as an argument list: the trial's parameters, then the data folder. */
  public static List<String> args(Trial trial, Set<String> passThrough, String dataDirectory) {
    List<String> args = new ArrayList<>(TrainerParameters.args(trial, passThrough, true));
    if (dataDirectory != null && !dataDirectory.isBlank()) {
      args.add("--data-dir");
      args.add(dataDirectory);
    }
    return args;
  }

  public static String displayName(Trial trial) {
    String name = DISPLAY_NAME_PREFIX + trial.study() + "-" + trial.id();
    return name.length() > 128 ? name.substring(0, 128) : name;
  }

  public static Map<String, String> labels(Trial trial) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(VertexLabels.TRIAL_ID, VertexLabels.value(trial.id()));
    labels.put(VertexLabels.STUDY, VertexLabels.value(trial.study()));
    labels.put(VertexLabels.CREATED_BY, CREATED_BY);
    rung(trial).ifPresent(r -> labels.put(VertexLabels.RUNG, r));
    return labels;
  }

  /**
   * The trial's rung: the epoch it trains to. Rungs of one trial share its id and folder (the
   * checkpoint a rung continues from), so the rung tells their jobs apart.
   */
  public static java.util.Optional<String> rung(Trial trial) {
    return java.util.Optional.ofNullable(trial.get("num_epochs")).map(VertexLabels::value);
  }

  /**
   * Whether {@code job} runs this rung of the trial; a job from before rung labels runs its only
   * rung.
   */
  static boolean sameRung(Trial trial, com.google.cloud.aiplatform.v1.CustomJob job) {
    String label = job.getLabelsMap().get(VertexLabels.RUNG);
    return label == null || rung(trial).map(label::equals).orElse(true);
  }

  /**
   * {@code <prefix>/<study>/<trial-id>/}, with the trailing slash Vertex expects of a directory.
   */
  public static String baseOutputDirectory(String outputPrefix, Trial trial) {
    String prefix = outputPrefix.endsWith("/") ? outputPrefix : outputPrefix + "/";
    return prefix + trial.study() + "/" + trial.id() + "/";
  }

  /** Where Vertex points {@code AIP_MODEL_DIR} for a job with this output directory. */
  public static String modelDirectory(String baseOutputDirectory) {
    return (baseOutputDirectory.endsWith("/") ? baseOutputDirectory : baseOutputDirectory + "/")
        + "model/";
  }

  public static String metricsPath(String baseOutputDirectory) {
    return modelDirectory(baseOutputDirectory) + MetricsJson.FILE_NAME;
  }
}
