package dev.tunebeam.transforms.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.aiplatform.v1.HyperparameterTuningJob;
import com.google.cloud.aiplatform.v1.Measurement;
import com.google.cloud.aiplatform.v1.StudySpec;
import com.google.protobuf.Value;
import dev.tunebeam.transforms.space.Scale;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import dev.tunebeam.transforms.vertex.CustomJobTemplate;
import dev.tunebeam.transforms.vertex.TestStorage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A search space as a StudySpec, and a finished tuning job's trials back as results. */
class TuningJobsTest {
  private static final SearchSpace RANGES =
      SearchSpace.builder("ranges")
          .random(5, 1)
          .doubleRange("learning_rate", 0.0001, 0.01, Scale.LOG, 3)
          .integerRange("batch_size", 32, 64, Scale.LINEAR, null)
          .categorical("optimizer", "sgd", "adam")
          .fixed("num_epochs", "4")
          .build();

  @Test
  void underGridSearchRangesBecomeTheirGridPoints() {
    StudySpec spec = StudySpecs.of(RANGES, TuningAlgorithm.GRID);
    assertEquals(StudySpec.Algorithm.GRID_SEARCH, spec.getAlgorithm());
    List<Double> points = spec.getParameters(0).getDiscreteValueSpec().getValuesList();
    assertEquals(
        RANGES.parameters().get(0).gridValues(),
        points.stream().map(dev.tunebeam.transforms.space.ParameterValues::canonical).toList(),
        "exactly the points a pipeline grid tries, so trial ids match");
    assertEquals(0.001, points.get(1), 1e-15);
    assertEquals(
        32,
        spec.getParameters(1).getIntegerValueSpec().getMinValue(),
        "an integer range without steps is a grid of every integer");
    assertEquals(64, spec.getParameters(1).getIntegerValueSpec().getMaxValue());
    assertEquals(
        StudySpec.ParameterSpec.ScaleType.SCALE_TYPE_UNSPECIFIED,
        spec.getParameters(2).getScaleType(),
        "categorical takes no scale");
  }

  @Test
  void underRandomSearchRangesKeepTheirScale() {
    StudySpec spec = StudySpecs.of(RANGES, TuningAlgorithm.RANDOM);
    assertEquals(StudySpec.Algorithm.RANDOM_SEARCH, spec.getAlgorithm());
    assertEquals(0.0001, spec.getParameters(0).getDoubleValueSpec().getMinValue());
    assertEquals(
        StudySpec.ParameterSpec.ScaleType.UNIT_LOG_SCALE, spec.getParameters(0).getScaleType());
    assertEquals(
        StudySpec.ParameterSpec.ScaleType.UNIT_LINEAR_SCALE, spec.getParameters(1).getScaleType());
  }

  @Test
  void aDoubleRangeWithoutStepsCannotBeAGrid() {
    SearchSpace s =
        SearchSpace.builder("s")
            .random(3, 1)
            .doubleRange("learning_rate", 0.001, 0.1, Scale.LOG, null)
            .build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> StudySpecs.of(s, TuningAlgorithm.GRID));
    assertTrue(
        e.getMessage().contains("learning_rate is a double range without steps"), e.getMessage());
  }

  @Test
  void finishedTrialsBecomeResultsWithPipelineTrialIds() {
    HyperparameterTuningJob launched =
        TuningJobs.build(
            "job",
            RANGES,
            TuningAlgorithm.RANDOM,
            CustomJobTemplate.of("img"),
            "gs://b-1/job/",
            "gs://b-1/data",
            5,
            2);
    assertEquals(
        List.of("--num-epochs", "4", "--data-dir", "gs://b-1/data"),
        launched.getTrialJobSpec().getWorkerPoolSpecs(0).getContainerSpec().getArgsList());
    HyperparameterTuningJob done =
        launched.toBuilder()
            .addTrials(
                trial(
                        "1",
                        com.google.cloud.aiplatform.v1.Trial.State.SUCCEEDED,
                        0.001,
                        48.0,
                        "adam")
                    .setFinalMeasurement(
                        Measurement.newBuilder()
                            .addMetrics(
                                Measurement.Metric.newBuilder()
                                    .setMetricId("val_accuracy")
                                    .setValue(0.88))))
            .addTrials(
                trial("2", com.google.cloud.aiplatform.v1.Trial.State.INFEASIBLE, 0.01, 32.0, "sgd")
                    .setInfeasibleReason("diverged"))
            .build();
    List<TrialResult> results = TuningJobResults.of(done, TestStorage.fresh().create());

    TrialResult ok = results.get(0);
    assertEquals(TrialStatus.SUCCEEDED, ok.status());
    assertEquals(0.88, ok.finalMetric("val_accuracy"));
    assertEquals(
        0.88, Objective.DEFAULT.evaluate(ok).objectiveValue(), "judged by the job's metric spec");
    assertEquals(Objective.DEFAULT, TuningJobResults.objective(done));
    assertEquals("gs://b-1/job/1/model/", ok.location());
    Map<String, String> params =
        Map.of(
            "learning_rate", "0.001", "batch_size", "48", "optimizer", "adam", "num_epochs", "4");
    assertEquals(Trial.idOf("ranges", params), ok.trial().id());
    assertEquals(params, ok.trial().parameters());

    TrialResult infeasible = results.get(1);
    assertEquals(TrialStatus.FAILED, infeasible.status());
    assertEquals("Vertex marked trial 2 infeasible: diverged", infeasible.error());
  }

  private static com.google.cloud.aiplatform.v1.Trial.Builder trial(
      String id,
      com.google.cloud.aiplatform.v1.Trial.State state,
      double lr,
      double batch,
      String opt) {
    return com.google.cloud.aiplatform.v1.Trial.newBuilder()
        .setId(id)
        .setState(state)
        .addParameters(
            com.google.cloud.aiplatform.v1.Trial.Parameter.newBuilder()
                .setParameterId("learning_rate")
                .setValue(Value.newBuilder().setNumberValue(lr)))
        .addParameters(
            com.google.cloud.aiplatform.v1.Trial.Parameter.newBuilder()
                .setParameterId("batch_size")
                .setValue(Value.newBuilder().setNumberValue(batch)))
        .addParameters(
            com.google.cloud.aiplatform.v1.Trial.Parameter.newBuilder()
                .setParameterId("optimizer")
                .setValue(Value.newBuilder().setStringValue(opt)));
  }
}
