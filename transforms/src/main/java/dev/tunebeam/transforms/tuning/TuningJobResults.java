package dev.tunebeam.transforms.tuning;

import com.google.cloud.aiplatform.v1.HyperparameterTuningJob;
import com.google.cloud.aiplatform.v1.Measurement;
import com.google.cloud.aiplatform.v1.StudySpec;
import com.google.cloud.storage.Storage;
import com.google.protobuf.Value;
import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.trainer.report.GcsArtifactStore;
import dev.tunebeam.trainer.report.GcsPath;
import dev.tunebeam.trainer.report.MetricsJson;
import dev.tunebeam.transforms.space.ParameterValues;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import dev.tunebeam.transforms.vertex.SubmitToVertex;
import dev.tunebeam.transforms.vertex.TrialJobs;
import dev.tunebeam.transforms.vertex.VertexLabels;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.annotations.Internal;

/**
 * The trials of a finished HyperparameterTuningJob as {@link TrialResult}s, so they rank and print
 * like a pipeline's. Everything comes from the job itself (study label, searched values in
 * StudySpec order, fixed values from the trial job's arguments), so each trial becomes the same
 * {@link Trial}, with the same id, that a pipeline run of that point gets. Its history comes from
 * the {@code metrics.json} the trainer wrote under {@code <base>/<vertex trial id>/model/}, or,
 * when that is missing, from Vertex's final measurement of {@code test_accuracy} alone.
 */
@Internal
public final class TuningJobResults {
  private TuningJobResults() {}

  public static List<TrialResult> of(HyperparameterTuningJob job, Storage storage) {
    String base = job.getTrialJobSpec().getBaseOutputDirectory().getOutputUriPrefix();
    List<TrialResult> results = new ArrayList<>();
    for (com.google.cloud.aiplatform.v1.Trial t : job.getTrialsList()) {
      results.add(
          result(
              t,
              trialOf(job, t),
              TrialJobs.modelDirectory((base.endsWith("/") ? base : base + "/") + t.getId()),
              storage,
              objectives(job).metrics()));
    }
    return results;
  }

  /** The study the job was launched for: its {@code study} label, else its display name. */
  public static String study(HyperparameterTuningJob job) {
    String label = job.getLabelsMap().get(VertexLabels.STUDY);
    return label != null && !label.isEmpty() ? label : VertexLabels.value(job.getDisplayName());
  }

  static Trial trialOf(HyperparameterTuningJob job, com.google.cloud.aiplatform.v1.Trial t) {
    Map<String, String> vertex = new LinkedHashMap<>();
    t.getParametersList().forEach(p -> vertex.put(p.getParameterId(), text(p.getValue())));
    Map<String, String> params = new LinkedHashMap<>();
    for (StudySpec.ParameterSpec p : job.getStudySpec().getParametersList()) {
      String v = vertex.remove(p.getParameterId());
      if (v != null) {
        params.put(p.getParameterId(), v);
      }
    }
    params.putAll(vertex);
    params.putAll(
        fixedParameters(
            job.getTrialJobSpec().getWorkerPoolSpecs(0).getContainerSpec().getArgsList()));
    return Trial.of(study(job), params);
  }

  /** {@code --num-epochs 10} back to {@code num_epochs=10}; the data folder is not a parameter. */
  static Map<String, String> fixedParameters(List<String> args) {
    Map<String, String> fixed = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.size(); i += 2) {
      String name = args.get(i).replaceFirst("^--", "").replace('-', '_');
      if (!name.equals("data_dir")) {
        fixed.put(name, args.get(i + 1));
      }
    }
    return fixed;
  }

  private static String text(Value v) {
    return v.hasNumberValue() ? ParameterValues.canonical(v.getNumberValue()) : v.getStringValue();
  }

  private static TrialResult result(
      com.google.cloud.aiplatform.v1.Trial t,
      Trial trial,
      String modelDir,
      Storage storage,
      List<String> metricIds) {
    double seconds =
        t.hasStartTime() && t.hasEndTime()
            ? t.getEndTime().getSeconds() - t.getStartTime().getSeconds()
            : 0;
    switch (t.getState()) {
      case SUCCEEDED -> {
        String metricsNote = "";
        try {
          Optional<byte[]> bytes =
              new GcsArtifactStore(GcsPath.parse(modelDir), storage).read(MetricsJson.FILE_NAME);
          if (bytes.isPresent()) {
            return TrialResult.succeeded(
                trial,
                SubmitToVertex.BACKEND,
                MetricsJson.read(modelDir + MetricsJson.FILE_NAME, bytes.get()),
                modelDir);
          }
        } catch (IOException | RuntimeException e) {
          metricsNote =
              "; " + modelDir + MetricsJson.FILE_NAME + " cannot be read: " + e.getMessage();
        }
        Map<String, Double> measured = new LinkedHashMap<>();
        for (String metricId : metricIds) {
          Optional<Double> value = finalMeasurement(t, metricId);
          if (value.isEmpty()) {
            return TrialResult.failed(
                trial,
                SubmitToVertex.BACKEND,
                "Vertex trial "
                    + t.getId()
                    + " succeeded but reported no "
                    + metricId
                    + " and wrote no metrics.json"
                    + metricsNote,
                seconds,
                modelDir);
          }
          measured.put(metricId, value.get());
        }
        // Only Vertex's final measurement is known: one record, at the step it was measured.
        int step = (int) Math.max(1, t.getFinalMeasurement().getStepCount());
        EpochRecord last = EpochRecord.of(step, Double.NaN, measured);
        return TrialResult.of(
            trial,
            SubmitToVertex.BACKEND,
            TrialStatus.SUCCEEDED,
            List.of(last),
            null,
            seconds,
            seconds,
            modelDir);
      }
      case INFEASIBLE -> {
        return TrialResult.failed(
            trial,
            SubmitToVertex.BACKEND,
            "Vertex marked trial "
                + t.getId()
                + " infeasible: "
                + (t.getInfeasibleReason().isEmpty()
                    ? "(no reason given)"
                    : t.getInfeasibleReason()),
            seconds,
            modelDir);
      }
      default -> {
        return TrialResult.failed(
            trial,
            SubmitToVertex.BACKEND,
            "Vertex trial " + t.getId() + " did not finish (" + t.getState() + ")",
            seconds,
            modelDir);
      }
    }
  }

  /** The first objective the job was created with. */
  public static Objective objective(HyperparameterTuningJob job) {
    return objectives(job).primary();
  }

  /**
   * The objectives the job was created with: one per metric spec, in order, at its measurement
   * selection (best unless it asked for the last).
   */
  public static Objectives objectives(HyperparameterTuningJob job) {
    if (job.getStudySpec().getMetricsCount() == 0) {
      return Objectives.DEFAULT;
    }
    Objective.Measurement measurement =
        job.getStudySpec().getMeasurementSelectionType()
                == StudySpec.MeasurementSelectionType.LAST_MEASUREMENT
            ? Objective.Measurement.LAST
            : Objective.Measurement.BEST;
    List<Objective> all = new ArrayList<>();
    for (StudySpec.MetricSpec m : job.getStudySpec().getMetricsList()) {
      all.add(
          new Objective(
              m.getMetricId(),
              m.getGoal() == StudySpec.MetricSpec.GoalType.MINIMIZE
                  ? Objective.Goal.MINIMIZE
                  : Objective.Goal.MAXIMIZE,
              measurement));
    }
    return new Objectives(all);
  }

  private static Optional<Double> finalMeasurement(
      com.google.cloud.aiplatform.v1.Trial t, String metricId) {
    for (Measurement.Metric m : t.getFinalMeasurement().getMetricsList()) {
      if (m.getMetricId().equals(metricId)) {
        return Optional.of(m.getValue());
      }
    }
    return Optional.empty();
  }
}
