package dev.tunebeam.pipeline.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.aiplatform.v1.AcceleratorType;
import com.google.cloud.aiplatform.v1.CreateHyperparameterTuningJobRequest;
import com.google.cloud.aiplatform.v1.HyperparameterTuningJob;
import com.google.cloud.aiplatform.v1.StudySpec;
import com.google.cloud.aiplatform.v1.WorkerPoolSpec;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.vertex.FakeJobService;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tuning-job launcher against the fake JobService, through the real client. */
class VertexTuningLauncherTest {
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
    List<String> all = new ArrayList<>(List.of(args));
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
  void theRequestCarriesTheStudyTheWorkerPoolAndTheContainerArgs() {
    int code =
        launch(
            "--project",
            "test-project",
            "--bucket",
            "test-bucket",
            "--job-name",
            "lenet5-hp-tuning-test",
            "--container-uri",
            FakeVertex.IMAGE,
            "--machine-type",
            "n1-standard-8",
            "--accelerator-type",
            "NVIDIA_TESLA_T4",
            "--accelerator-count",
            "1",
            "--service-account",
            "trainer@test-project.iam.gserviceaccount.com",
            "--num-epochs",
            "5",
            "--data-dir",
            "gs://test-bucket/fashion-mnist");
    assertEquals(0, code, err());
    assertEquals(1, vertex.jobs().tuningRequests().size());
    CreateHyperparameterTuningJobRequest request = vertex.jobs().tuningRequests().get(0);
    assertEquals("projects/test-project/locations/us-central1", request.getParent());
    HyperparameterTuningJob job = request.getHyperparameterTuningJob();
    assertEquals("lenet5-hp-tuning-test", job.getDisplayName());
    assertEquals(27, job.getMaxTrialCount());
    assertEquals(3, job.getParallelTrialCount());
    assertEquals(Map.of("study", "lenet5-fashion", "created_by", "tunebeam"), job.getLabelsMap());

    StudySpec study = job.getStudySpec();
    assertEquals(StudySpec.Algorithm.GRID_SEARCH, study.getAlgorithm());
    assertEquals(1, study.getMetricsCount());
    assertEquals("val_accuracy", study.getMetrics(0).getMetricId());
    assertEquals(StudySpec.MetricSpec.GoalType.MAXIMIZE, study.getMetrics(0).getGoal());
    assertEquals(3, study.getParametersCount());
    assertEquals("activation", study.getParameters(0).getParameterId());
    assertEquals(
        List.of("relu", "softmax", "leakyrelu"),
        study.getParameters(0).getCategoricalValueSpec().getValuesList());
    assertEquals(
        List.of("sgd", "adam", "rmsprop"),
        study.getParameters(1).getCategoricalValueSpec().getValuesList());
    assertEquals("batch_size", study.getParameters(2).getParameterId());
    assertEquals(
        List.of(32.0, 64.0, 128.0), study.getParameters(2).getDiscreteValueSpec().getValuesList());

    assertEquals(1, job.getTrialJobSpec().getWorkerPoolSpecsCount());
    WorkerPoolSpec pool = job.getTrialJobSpec().getWorkerPoolSpecs(0);
    assertEquals("n1-standard-8", pool.getMachineSpec().getMachineType());
    assertEquals(AcceleratorType.NVIDIA_TESLA_T4, pool.getMachineSpec().getAcceleratorType());
    assertEquals(1, pool.getMachineSpec().getAcceleratorCount());
    assertEquals(1, pool.getReplicaCount());
    assertEquals(FakeVertex.IMAGE, pool.getContainerSpec().getImageUri());
    assertEquals(
        List.of(
            "--num-epochs",
            "5",
            "--pooling",
            "avg",
            "--init",
            "torch",
            "--normalize",
            "none",
            "--validation-samples",
            "5000",
            "--data-dir",
            "gs://test-bucket/fashion-mnist"),
        pool.getContainerSpec().getArgsList(),
        "the searched values come from Vertex as --name=value; the fixed ones are the job's own args");
    assertEquals(
        "trainer@test-project.iam.gserviceaccount.com", job.getTrialJobSpec().getServiceAccount());
    assertEquals(
        "gs://test-bucket/lenet5-hp-tuning-test/",
        job.getTrialJobSpec().getBaseOutputDirectory().getOutputUriPrefix());

    assertTrue(
        out()
            .contains(
                "Created hyperparameter tuning job projects/test-project/locations/us-central1/hyperparameterTuningJobs/"),
        out());
    assertTrue(
        out().contains("--collect projects/test-project"),
        "without --debug-sync it says how to collect later: " + out());
  }

  @Test
  void searchSpaceFileRangesKeepTheirScaleUnderBayesianSearch(@TempDir Path dir) throws Exception {
    Path space = dir.resolve("space.yaml");
    Files.writeString(
        space,
        String.join(
            "\n",
            "study: lr-search",
            "algorithm: random",
            "samples: 10",
            "parameters:",
            "  learning_rate: {type: double, min: 0.0001, max: 0.1, scale: log}",
            "  batch_size: {type: integer, min: 16, max: 256}",
            "  optimizer: {type: categorical, values: [sgd, adam]}",
            "fixed:",
            "  activation: relu",
            ""));
    assertEquals(
        0,
        launch(
            "--project",
            "test-project",
            "--bucket",
            "test-bucket",
            "--search-space",
            space.toString(),
            "--search-algorithm",
            "bayesian",
            "--max-trial-count",
            "10",
            "--max-parallel-trial-count",
            "2"),
        err());
    HyperparameterTuningJob job =
        vertex.jobs().tuningRequests().get(0).getHyperparameterTuningJob();
    StudySpec study = job.getStudySpec();
    assertEquals(
        StudySpec.Algorithm.ALGORITHM_UNSPECIFIED,
        study.getAlgorithm(),
        "bayesian is Vizier's default");
    StudySpec.ParameterSpec lr = study.getParameters(0);
    assertEquals(0.0001, lr.getDoubleValueSpec().getMinValue());
    assertEquals(0.1, lr.getDoubleValueSpec().getMaxValue());
    assertEquals(StudySpec.ParameterSpec.ScaleType.UNIT_LOG_SCALE, lr.getScaleType());
    assertEquals(16, study.getParameters(1).getIntegerValueSpec().getMinValue());
    assertEquals(
        StudySpec.ParameterSpec.ScaleType.UNIT_LINEAR_SCALE, study.getParameters(1).getScaleType());
    assertEquals(
        List.of("--activation", "relu", "--num-epochs", "10"),
        job.getTrialJobSpec().getWorkerPoolSpecs(0).getContainerSpec().getArgsList());
    assertTrue(
        job.getDisplayName().matches("lenet5-hp-tuning-\\d{8}-\\d{6}"), job.getDisplayName());
  }

  @Test
  void debugSyncPrintsStatesAndTheFinishedTrialsBecomeALeaderboard(@TempDir Path dir)
      throws Exception {
    vertex.jobs().tuningTrialWithoutMetrics("27");
    int code =
        launch(
            "--project",
            "test-project",
            "--bucket",
            "test-bucket",
            "--job-name",
            "sync-test",
            "--num-epochs",
            "3",
            "--debug-sync",
            "--output",
            dir.toString());
    assertEquals(0, code, err());
    String printed = out();
    assertTrue(printed.contains("  QUEUED") || printed.contains("  PENDING"), printed);
    assertTrue(printed.contains("  RUNNING"), printed);
    assertTrue(printed.contains("  SUCCEEDED, trials: 27 SUCCEEDED"), printed);
    assertTrue(printed.contains("27 trials: 27 succeeded, 0 failed."), printed);

    JsonNode board = new ObjectMapper().readTree(Files.readAllBytes(dir.resolve("results.json")));
    assertEquals("lenet5-fashion", board.get("study").asText());
    assertEquals(27, board.get("trials").size());
    JsonNode best = board.get("trials").get(0);
    assertEquals("vertex", best.get("backend").asText());
    assertEquals(
        Map.of(
            "activation",
            "relu",
            "optimizer",
            "adam",
            "batch_size",
            "128",
            "num_epochs",
            "3",
            "pooling",
            "avg",
            "init",
            "torch",
            "normalize",
            "none",
            "validation_samples",
            "5000"),
        // results.json writes numbers as numbers: compare as text.
        ((Map<?, ?>) new ObjectMapper().convertValue(best.get("parameters"), Map.class))
            .entrySet().stream()
                .collect(
                    java.util.stream.Collectors.toMap(
                        e -> String.valueOf(e.getKey()), e -> String.valueOf(e.getValue()))));
    assertEquals(
        Trial.idOf(
            "lenet5-fashion",
            Map.of(
                "activation",
                "relu",
                "optimizer",
                "adam",
                "batch_size",
                "128",
                "num_epochs",
                "3",
                "pooling",
                "avg",
                "init",
                "torch",
                "normalize",
                "none",
                "validation_samples",
                "5000")),
        best.get("trial_id").asText(),
        "the same trial id a pipeline run of that point gets");
    assertEquals(3, best.get("history").size(), "history from the trial's metrics.json");
    assertEquals(
        "gs://test-bucket/sync-test/" + vertexTrialOf(best) + "/model/",
        best.get("location").asText());
    long withoutHistory = 0;
    for (JsonNode t : board.get("trials")) {
      // A trial without metrics.json has one record: Vertex's final measurement, not three epochs.
      if (t.get("history").size() == 1) {
        withoutHistory++;
        assertEquals(
            "SUCCEEDED",
            t.get("status").asText(),
            "the final measurement stands in for a missing metrics.json");
        assertTrue(t.get("best_val_accuracy").asDouble() > 0.8);
      }
    }
    assertEquals(1, withoutHistory);
    assertTrue(Files.exists(dir.resolve("results.csv")) && Files.exists(dir.resolve("results.md")));
    assertTrue(
        Files.readString(dir.resolve("report.html")).contains("lenet5-fashion"),
        "the main job's files, the report included");
  }

  /**
   * The reference study with two objectives (val_accuracy max, train_seconds min): one MetricSpec
   * each, the trainer told to report both, and the finished trials ranked by Pareto front, the
   * front checked against a brute-force reading of dominance.
   */
  @Test
  void aTwoObjectiveStudySendsAMetricSpecPerObjectiveAndRanksByFront(@TempDir Path dir)
      throws Exception {
    Path space = dir.resolve("two.yaml");
    Files.writeString(
        space,
        Files.readString(Path.of("../examples/reference-study.yaml"))
            .replaceAll(
                "(?m)^objective:.*$",
                "objectives:\n  - {metric: val_accuracy, goal: maximize, measurement: best}\n"
                    + "  - {metric: train_seconds, goal: minimize}"));
    vertex.jobs().tuningTrialWithoutMetrics("5");
    int code =
        launch(
            "--project",
            "test-project",
            "--bucket",
            "test-bucket",
            "--job-name",
            "two-objectives",
            "--search-space",
            space.toString(),
            "--debug-sync",
            "--output",
            dir.resolve("out").toString());
    assertEquals(0, code, err());
    StudySpec study =
        vertex.jobs().tuningRequests().get(0).getHyperparameterTuningJob().getStudySpec();
    assertEquals(2, study.getMetricsCount());
    assertEquals("val_accuracy", study.getMetrics(0).getMetricId());
    assertEquals(StudySpec.MetricSpec.GoalType.MAXIMIZE, study.getMetrics(0).getGoal());
    assertEquals("train_seconds", study.getMetrics(1).getMetricId());
    assertEquals(StudySpec.MetricSpec.GoalType.MINIMIZE, study.getMetrics(1).getGoal());
    assertEquals(
        StudySpec.MeasurementSelectionType.BEST_MEASUREMENT, study.getMeasurementSelectionType());
    List<String> args =
        vertex
            .jobs()
            .tuningRequests()
            .get(0)
            .getHyperparameterTuningJob()
            .getTrialJobSpec()
            .getWorkerPoolSpecs(0)
            .getContainerSpec()
            .getArgsList();
    assertEquals(
        "val_accuracy,train_seconds",
        args.get(args.indexOf("--metric-id") + 1),
        "the trainer reports both to hypertune");

    JsonNode board =
        new ObjectMapper().readTree(Files.readAllBytes(dir.resolve("out/results.json")));
    assertEquals(2, board.get("objectives").size());
    JsonNode trials = board.get("trials");
    assertEquals(27, trials.size());
    List<double[]> rows = new ArrayList<>();
    List<Integer> front = new ArrayList<>();
    for (JsonNode t : trials) {
      rows.add(
          new double[] {
            t.get("best_val_accuracy").asDouble(), t.get("best_train_seconds").asDouble()
          });
      front.add(t.get("front").asInt());
    }
    int fronts = dev.tunebeam.pipeline.ParetoCheck.assertFronts(rows, front);
    assertTrue(fronts >= 3, "several fronts: " + fronts);
    JsonNode best = trials.get(0);
    assertEquals("relu", best.get("parameters").get("activation").asText());
    assertTrue(
        Files.readString(dir.resolve("out/results.md")).contains("train_seconds (minimize)"));
  }

  /** An hours-long wait survives a network blip: the job runs on regardless. */
  @Test
  void debugSyncRidesOutUnavailableWhilePolling(@TempDir Path dir) {
    vertex.jobs().failNextTuningGets(2);
    int code =
        launch(
            "--project",
            "test-project",
            "--bucket",
            "test-bucket",
            "--job-name",
            "blip-test",
            "--debug-sync",
            "--output",
            dir.toString());
    assertEquals(0, code, err());
    assertTrue(out().contains("polling failed (UNAVAILABLE), retrying"), out());
    assertTrue(Files.exists(dir.resolve("results.csv")));
  }

  @Test
  void aFailedTuningJobPrintsVertexsErrorAndExitsOne() {
    vertex.jobs().defaultOutcome(FakeJobService.Outcome.FAIL);
    int code = launch("--project", "test-project", "--bucket", "test-bucket", "--debug-sync");
    assertEquals(1, code);
    assertTrue(out().contains("  FAILED"), out());
    assertTrue(err().contains("ended FAILED: " + FakeJobService.FAILURE_TEXT), err());
  }

  @Test
  void collectWaitsForAnExistingJob(@TempDir Path dir) {
    assertEquals(
        0,
        launch(
            "--project",
            "test-project",
            "--bucket",
            "test-bucket",
            "--max-trial-count",
            "4",
            "--max-parallel-trial-count",
            "2"));
    String name =
        out()
            .lines()
            .filter(l -> l.startsWith("Created hyperparameter tuning job "))
            .findFirst()
            .orElseThrow()
            .substring("Created hyperparameter tuning job ".length());
    out.reset();
    assertEquals(0, launch("--collect", name, "--output", dir.toString()), err());
    assertTrue(out().contains("4 trials: 4 succeeded, 0 failed."), out());
    assertTrue(Files.exists(dir.resolve("results.json")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--bucket test-bucket                                                   | --project is required",
        "--project test-project                                                 | --bucket is required",
        "--project test-project --bucket gs://test-bucket                       | --bucket gs://test-bucket must be a bucket name without gs:// or a path, e.g. test-bucket",
        "--project test-project --bucket test-bucket --accelerator-type TPU_V9  | --accelerator-type TPU_V9 is not a Vertex AI accelerator type; allowed: NVIDIA_TESLA_K80",
        "--project test-project --bucket test-bucket --max-trial-count 3 --max-parallel-trial-count 5 | --max-parallel-trial-count 5 exceeds --max-trial-count 3",
        "--project test-project --bucket test-bucket --search-algorithm hyperband | --search-algorithm hyperband is not a search algorithm; allowed: grid, random, bayesian",
        "--project test-project --bucket test-bucket --num-epochs 0               | --num-epochs 0 must be at least 1",
        "--project test-project --bucket test-bucket --region us_central1         | --region us_central1 is not a Google Cloud region",
        "--project test-project --bucket test-bucket --machine-type N1_STANDARD   | --machine-type N1_STANDARD is not a Compute Engine machine type",
        "--project test-project --bucket test-bucket --accelerator-count -1       | --accelerator-count -1 is negative",
        "--project test-project --bucket test-bucket --seed 3                     | unknown flag --seed; known flags: --accelerator-count",
        "--project test-project --bucket test-bucket --num-epochs=x               | --num-epochs x is not an integer",
        "--project test-project --bucket test-bucket --early-stopping asha        | --early-stopping asha is not supported; allowed: median, decay-curve, none",
        "--project test-project --bucket test-bucket --search-space /no/such.yaml | --search-space /no/such.yaml does not exist",
        "--project test-project --bucket test-bucket --max-trials 3               | unknown flag --max-trials",
        "--collect my-job                                                         | --collect my-job is not a tuning job name",
      })
  void badFlagsExitTwoWithOneSentenceAndNoApiCall(String args, String expected) {
    int code = launch(args.trim().split("\\s+"));
    assertEquals(2, code, out() + err());
    assertTrue(err().startsWith("error: ") && err().contains(expected), err());
    assertEquals(1, err().trim().lines().count(), "one sentence: " + err());
    assertEquals(0, vertex.rpcs(), "no API call");
  }

  @Test
  void aGridOverADoubleRangeWithoutStepsIsABadFlagToo(@TempDir Path dir) throws Exception {
    Path space = dir.resolve("space.yaml");
    Files.writeString(
        space,
        "study: s\nalgorithm: random\nsamples: 3\nparameters:\n  learning_rate: {type: double, min: 0.001, max: 0.1}\n");
    assertEquals(
        2,
        launch(
            "--project",
            "test-project",
            "--bucket",
            "test-bucket",
            "--search-space",
            space.toString(),
            "--search-algorithm",
            "grid"));
    assertTrue(
        err().contains("learning_rate is a double range without steps; grid search needs steps"),
        err());
    assertEquals(0, vertex.rpcs());
  }

  private static String vertexTrialOf(JsonNode trial) {
    String location = trial.get("location").asText();
    String[] parts = location.split("/");
    return parts[parts.length - 2];
  }
}
