package dev.tunebeam.transforms.tuning;

import com.google.cloud.aiplatform.v1.HyperparameterTuningJob;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.vertex.CustomJobTemplate;
import dev.tunebeam.transforms.vertex.SubmitToVertex;
import dev.tunebeam.transforms.vertex.TrialJobs;
import dev.tunebeam.transforms.vertex.VertexLabels;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.annotations.Internal;

/**
 * The Vertex AI HyperparameterTuningJob for a search space: Vertex picks each trial's searched
 * values and passes them as {@code --name=value}; the fixed values of the space are the trial job's
 * own arguments. The trial job is the same {@link CustomJobTemplate} that {@link SubmitToVertex}
 * runs, so a tuning job and a pipeline run train the same way.
 */
@Internal
public final class TuningJobs {
  private TuningJobs() {}

  /**
   * @param baseOutputDirectory {@code gs://...}; Vertex gives trial {@code N} the model dir {@code
   *     <base>/N/model/}
   */
  public static HyperparameterTuningJob build(
      String displayName,
      SearchSpace space,
      TuningAlgorithm algorithm,
      CustomJobTemplate template,
      String baseOutputDirectory,
      String dataDirectory,
      int maxTrialCount,
      int parallelTrialCount) {
    return build(
        displayName,
        space,
        StudySpecs.of(space, algorithm, space.effectiveObjectives(), EarlyStopping.NONE),
        template,
        baseOutputDirectory,
        dataDirectory,
        maxTrialCount,
        parallelTrialCount);
  }

  /**
   * With a study spec built by {@link StudySpecs} (objective, automated stopping, measurement
   * selection).
   */
  public static HyperparameterTuningJob build(
      String displayName,
      SearchSpace space,
      com.google.cloud.aiplatform.v1.StudySpec study,
      CustomJobTemplate template,
      String baseOutputDirectory,
      String dataDirectory,
      int maxTrialCount,
      int parallelTrialCount) {
    if (maxTrialCount < 1) {
      throw new IllegalArgumentException(
          "max trial count " + maxTrialCount + " must be at least 1");
    }
    if (parallelTrialCount < 1 || parallelTrialCount > maxTrialCount) {
      throw new IllegalArgumentException(
          "parallel trial count "
              + parallelTrialCount
              + " must be between 1 and the max trial count "
              + maxTrialCount);
    }
    return HyperparameterTuningJob.newBuilder()
        .setDisplayName(displayName)
        .putLabels(VertexLabels.STUDY, VertexLabels.value(space.study()))
        .putLabels(VertexLabels.CREATED_BY, TrialJobs.CREATED_BY)
        .setStudySpec(study)
        .setMaxTrialCount(maxTrialCount)
        .setParallelTrialCount(parallelTrialCount)
        .setTrialJobSpec(template.spec(fixedArgs(space, dataDirectory), baseOutputDirectory))
        .build();
  }

  /**
   * The flags every trial gets: the space's fixed values, then the data folder, and the metrics the
   * trainer reports to hypertune (comma-separated, one per objective) when they are not the one it
   * reports by default.
   */
  public static List<String> fixedArgs(SearchSpace space, String dataDirectory) {
    List<String> args =
        new ArrayList<>(
            TrialJobs.args(
                Trial.of(space.study(), space.fixed()), space.passThrough(), dataDirectory));
    String metric = String.join(",", space.effectiveObjectives().metrics());
    if (!metric.equals(space.withoutValidationIfOff(Objective.DEFAULT).metric())) {
      args.addAll(List.of("--metric-id", metric));
    }
    return args;
  }
}
