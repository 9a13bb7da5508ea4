package dev.tunebeam.pipeline.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.aiplatform.v1.StudySpec;
import com.google.cloud.aiplatform.v1.StudySpec.ParameterSpec.ConditionalParameterSpec;
import dev.tunebeam.transforms.vertex.FakeVertex;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's algorithm, automated-stopping, measurement and conditional mapping, as the fake
 * Vertex AI receives it.
 */
class TuningJobStudySpecTest {
  private FakeVertex vertex;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  @TempDir Path dir;

  @BeforeEach
  void start() {
    vertex = FakeVertex.start();
  }

  @AfterEach
  void stop() {
    vertex.close();
  }

  private int launch(String... args) {
    List<String> all =
        new ArrayList<>(List.of("--project", "test-project", "--bucket", "test-bucket"));
    all.addAll(List.of(args));
    all.addAll(List.of("--endpoint", vertex.endpoint(), "--poll-seconds", "0.01"));
    return VertexTuningLauncher.run(
        all,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        vertex.storage());
  }

  private StudySpec sent() {
    return vertex.jobs().tuningRequests().get(0).getHyperparameterTuningJob().getStudySpec();
  }

  @Test
  void medianStoppingAndLastMeasurement() {
    assertEquals(
        0,
        launch(
            "--search-algorithm",
            "random",
            "--early-stopping",
            "median",
            "--measurement-selection",
            "last"),
        err.toString());
    StudySpec s = sent();
    assertEquals(StudySpec.Algorithm.RANDOM_SEARCH, s.getAlgorithm());
    assertTrue(s.hasMedianAutomatedStoppingSpec());
    assertFalse(s.getMedianAutomatedStoppingSpec().getUseElapsedDuration(), "steps are epochs");
    assertEquals(
        StudySpec.MeasurementSelectionType.LAST_MEASUREMENT, s.getMeasurementSelectionType());
  }

  @Test
  void decayCurveStoppingUnderBayesianSearch() {
    assertEquals(
        0,
        launch("--search-algorithm", "bayesian", "--early-stopping", "decay-curve"),
        err.toString());
    StudySpec s = sent();
    assertEquals(StudySpec.Algorithm.ALGORITHM_UNSPECIFIED, s.getAlgorithm());
    assertTrue(s.hasDecayCurveStoppingSpec());
    assertEquals(
        StudySpec.MeasurementSelectionType.BEST_MEASUREMENT, s.getMeasurementSelectionType());
  }

  @Test
  void noStoppingByDefault() {
    assertEquals(0, launch(), err.toString());
    assertEquals(
        StudySpec.AutomatedStoppingSpecCase.AUTOMATEDSTOPPINGSPEC_NOT_SET,
        sent().getAutomatedStoppingSpecCase());
    assertEquals(StudySpec.Algorithm.GRID_SEARCH, sent().getAlgorithm());
  }

  @Test
  void conditionalParametersNestUnderTheirParents() throws Exception {
    Path space = dir.resolve("space.yaml");
    Files.writeString(
        space,
        """
        study: cond
        algorithm: random
        samples: 8
        parameters:
          optimizer: {type: categorical, values: [sgd, adam]}
          momentum:  {type: discrete, values: [0.5, 0.9], when: {optimizer: [sgd]}}
          batch_size: {type: integer, min: 32, max: 128}
          learning_rate: {type: double, min: 0.001, max: 0.1, scale: log, when: {batch_size: [128]}}
        """);
    assertEquals(
        0,
        launch(
            "--search-space",
            space.toString(),
            "--search-algorithm",
            "bayesian",
            "--max-trial-count",
            "8"),
        err.toString());
    StudySpec s = sent();
    assertEquals(
        List.of("optimizer", "batch_size"),
        s.getParametersList().stream().map(StudySpec.ParameterSpec::getParameterId).toList());
    ConditionalParameterSpec momentum = s.getParameters(0).getConditionalParameterSpecs(0);
    assertEquals("momentum", momentum.getParameterSpec().getParameterId());
    assertEquals(List.of("sgd"), momentum.getParentCategoricalValues().getValuesList());
    assertEquals(
        List.of(0.5, 0.9), momentum.getParameterSpec().getDiscreteValueSpec().getValuesList());
    ConditionalParameterSpec lr = s.getParameters(1).getConditionalParameterSpecs(0);
    assertEquals("learning_rate", lr.getParameterSpec().getParameterId());
    assertEquals(List.of(128L), lr.getParentIntValues().getValuesList());
  }

  @Test
  void unknownStoppingIsAUsageError() {
    assertEquals(2, launch("--early-stopping", "asha"));
    assertTrue(
        err.toString()
            .contains("--early-stopping asha is not supported; allowed: median, decay-curve, none"),
        err.toString());
    assertTrue(vertex.jobs().tuningRequests().isEmpty());
  }
}
