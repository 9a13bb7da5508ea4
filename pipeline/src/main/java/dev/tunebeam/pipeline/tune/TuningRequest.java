package dev.tunebeam.pipeline.tune;

import com.google.cloud.aiplatform.v1.HyperparameterTuningJob;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.tuning.EarlyStopping;
import dev.tunebeam.transforms.tuning.StudySpecs;
import dev.tunebeam.transforms.tuning.TuningAlgorithm;
import dev.tunebeam.transforms.tuning.TuningJobs;
import dev.tunebeam.transforms.vertex.CustomJobTemplate;

/**
 * The tuning job the launcher creates, from checked flags: study, trial template, counts and where
 * outputs go.
 */
record TuningRequest(
    String bucket,
    String jobName,
    CustomJobTemplate template,
    int maxTrialCount,
    int parallelTrialCount,
    TuningAlgorithm algorithm,
    EarlyStopping stopping,
    Objective.Measurement measurement,
    SearchSpace space,
    String dataDir,
    boolean debugSync) {

  /** {@code gs://BUCKET/JOB_NAME/}: Vertex gives trial N the model dir {@code .../N/model/}. */
  String baseOutputDirectory() {
    return "gs://" + bucket + "/" + jobName + "/";
  }

  /**
   * The request; building it also checks the space against the algorithm (a grid needs steps on
   * double ranges).
   */
  HyperparameterTuningJob job() {
    try {
      // The space's objectives (one MetricSpec each), every one at the chosen measurement.
      Objectives objectives =
          new Objectives(
              space.effectiveObjectives().all().stream()
                  .map(o -> new Objective(o.metric(), o.goal(), measurement))
                  .toList());
      return TuningJobs.build(
          jobName,
          space,
          StudySpecs.of(space, algorithm, objectives, stopping),
          template,
          baseOutputDirectory(),
          dataDir,
          maxTrialCount,
          parallelTrialCount);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "search space " + space.study() + ": " + e.getMessage(), e);
    }
  }
}
