package dev.tunebeam.pipeline.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.aiplatform.v1.Context;
import com.google.cloud.aiplatform.v1.Model;
import com.google.protobuf.Value;
import dev.tunebeam.transforms.vertex.FakeVertex;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference launcher's Vertex flags, each against its fake service on loopback, through the
 * real clients.
 */
@Tag("integration")
class LauncherVertexFlagsTest {
  static final String SA = "trainer@test-project.iam.gserviceaccount.com";
  static final String LOCATION = "projects/test-project/locations/us-central1";
  private FakeVertex vertex;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

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
        new ArrayList<>(
            List.of("--project", "test-project", "--bucket", "test-bucket", "--num-epochs", "3"));
    all.addAll(List.of(args));
    all.addAll(List.of("--endpoint", vertex.endpoint(), "--poll-seconds", "0.01"));
    return VertexTuningLauncher.run(
        all,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        vertex.storage());
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aMissingTensorboardIsCreatedAndEveryTrialWritesToIt() {
    assertEquals(
        0,
        launch(
            "--job-name", "tb-test", "--tensorboard-name", "lenet5-board", "--service-account", SA),
        err());
    assertEquals(1, vertex.tensorboards().creates());
    String created = vertex.tensorboards().tensorboards().get(0).getName();
    assertTrue(created.startsWith(LOCATION + "/tensorboards/"), created);
    assertEquals("lenet5-board", vertex.tensorboards().tensorboards().get(0).getDisplayName());
    assertEquals(
        created,
        vertex
            .jobs()
            .tuningRequests()
            .get(0)
            .getHyperparameterTuningJob()
            .getTrialJobSpec()
            .getTensorboard());
    assertTrue(out().contains("Trials write TensorBoard logs to " + created), out());
  }

  @Test
  void anExistingTensorboardIsFoundByDisplayNameOrResourceName() {
    String existing = vertex.tensorboards().add(LOCATION, "shared-board").getName();
    assertEquals(
        0,
        launch("--job-name", "tb-a", "--tensorboard-name", "shared-board", "--service-account", SA),
        err());
    assertEquals(
        0,
        launch("--job-name", "tb-b", "--tensorboard-name", existing, "--service-account", SA),
        err());
    assertEquals(0, vertex.tensorboards().creates(), "nothing created");
    for (int i = 0; i < 2; i++) {
      assertEquals(
          existing,
          vertex
              .jobs()
              .tuningRequests()
              .get(i)
              .getHyperparameterTuningJob()
              .getTrialJobSpec()
              .getTensorboard());
    }
  }

  @Test
  void aTensorboardWithoutAServiceAccountIsRefusedBeforeAnyCall() {
    assertEquals(2, launch("--tensorboard-name", "b"));
    assertTrue(err().contains("--tensorboard-name b needs --service-account"), err());
    assertEquals(0, vertex.rpcs());
  }

  @Test
  void theFinishedTrialsBecomeRunsOfAnExperiment(@TempDir Path dir) throws Exception {
    assertEquals(
        0,
        launch(
            "--job-name",
            "exp-test",
            "--experiment-name",
            "lenet5-exp",
            "--debug-sync",
            "--output",
            dir.toString()),
        err());
    Map<String, Context> contexts = vertex.metadata().contexts();
    String experiment = LOCATION + "/metadataStores/default/contexts/lenet5-exp";
    assertEquals("system.Experiment", contexts.get(experiment).getSchemaTitle());
    List<String> runs = vertex.metadata().children(experiment);
    assertEquals(27, runs.size(), "every trial is a run of the experiment");
    Context best = contexts.get(runs.get(0));
    assertEquals("system.ExperimentRun", best.getSchemaTitle());
    Map<String, Value> params =
        best.getMetadata().getFieldsOrThrow("_params").getStructValue().getFieldsMap();
    assertEquals(
        Map.of("activation", "relu", "optimizer", "adam", "batch_size", 128.0, "num_epochs", 3.0),
        Map.of(
            "activation",
            params.get("activation").getStringValue(),
            "optimizer",
            params.get("optimizer").getStringValue(),
            "batch_size",
            params.get("batch_size").getNumberValue(),
            "num_epochs",
            params.get("num_epochs").getNumberValue()));
    JsonNode board = new ObjectMapper().readTree(Files.readAllBytes(dir.resolve("results.json")));
    String column = "best_" + board.at("/objective/metric").asText();
    double objective =
        best.getMetadata()
            .getFieldsOrThrow("_metrics")
            .getStructValue()
            .getFieldsOrThrow(column)
            .getNumberValue();
    assertEquals(
        board.get("trials").get(0).get(column).asDouble(),
        objective,
        1e-9,
        "the objective as the leaderboard ranks it");
    assertEquals("COMPLETE", best.getMetadata().getFieldsOrThrow("_state").getStringValue());
    assertTrue(
        out().contains("Logged 27 trials as runs of Vertex AI Experiment lenet5-exp"), out());

    // Collecting the same job again finds the runs there and links them once.
    java.util.regex.Matcher name =
        java.util.regex.Pattern.compile("Created hyperparameter tuning job (\\S+)").matcher(out());
    assertTrue(name.find(), out());
    List<String> collect =
        new ArrayList<>(
            List.of(
                "--collect",
                name.group(1),
                "--experiment-name",
                "lenet5-exp",
                "--output",
                dir.toString(),
                "--endpoint",
                vertex.endpoint(),
                "--poll-seconds",
                "0.01"));
    assertEquals(
        0,
        VertexTuningLauncher.run(
            collect,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            vertex.storage()),
        err());
    assertEquals(27, vertex.metadata().children(experiment).size());
    assertEquals(
        28,
        vertex.metadata().contexts().size(),
        "one experiment and 27 runs, however often it is collected");
  }

  @Test
  void theBestTrialsModelIsRegisteredWithItsParametersAsLabels(@TempDir Path dir) {
    assertEquals(
        0,
        launch(
            "--job-name",
            "reg-test",
            "--enable-model-registry",
            "--use-custom-container",
            "--debug-sync",
            "--output",
            dir.toString()),
        err());
    assertEquals(1, vertex.models().uploads().size());
    Model m = vertex.models().uploads().get(0).getModel();
    assertEquals(LOCATION, vertex.models().uploads().get(0).getParent());
    assertTrue(
        m.getArtifactUri().matches("gs://test-bucket/reg-test/\\d+/model/"), m.getArtifactUri());
    assertEquals("relu", m.getLabelsOrThrow("activation"));
    assertEquals("adam", m.getLabelsOrThrow("optimizer"));
    assertEquals("128", m.getLabelsOrThrow("batch_size"));
    assertTrue(
        m.getDescription().contains("activation=relu, optimizer=adam, batch_size=128"),
        m.getDescription());
    assertTrue(out().contains("Registered the best trial's model"), out());
  }

  @Test
  void bareSwitchesAreAcceptedAndValuedFlagsSayWhatTheyNeed() {
    assertEquals(
        0,
        launch("--job-name", "sw-test", "--use-custom-container", "--enable-model-registry"),
        err());
    assertTrue(
        out().contains("--enable-model-registry"),
        "registering waits for collect, and the hint says so: " + out());
    assertEquals(0, vertex.models().uploads().size(), "nothing to register before the job ends");
    err.reset();
    assertEquals(2, launch("--experiment-name"));
    assertTrue(err().contains("--experiment-name needs a value"), err());
    err.reset();
    assertEquals(2, launch("--experiment-name", "Bad_Name"));
    assertTrue(err().contains("--experiment-name Bad_Name is not allowed"), err());
    assertFalse(err().contains("Exception"));
  }
}
