package dev.tunebeam.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.aiplatform.v1.CustomJob;
import com.google.cloud.aiplatform.v1.JobState;
import dev.tunebeam.pipeline.collect.CollectResults;
import dev.tunebeam.pipeline.collect.SubmissionManifest;
import dev.tunebeam.pipeline.study.Backends;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.vertex.FakeVertex;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.runners.dataflow.options.DataflowPipelineOptions;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SearchPipeline with --backend=vertex and --backend=rule against the fake JobService, the
 * asynchronous submit-then-collect round trip, and the option checks. The hybrid tests really train
 * their local trials (512 images, one epoch).
 */
@Tag("integration")
class VertexPipelineTest {
  private FakeVertex vertex;

  @BeforeEach
  void start() {
    vertex = FakeVertex.start();
  }

  @AfterEach
  void stop() {
    vertex.close();
  }

  /** relu x batch 64/128, adam, one epoch on a small slice: two trials. */
  private static SearchSpace space() {
    return SearchSpace.builder("hybrid")
        .categorical("activation", "relu")
        .discrete("batch_size", 64, 128)
        .fixed("optimizer", "adam")
        .fixed("num_epochs", "1")
        .fixed("train_samples", "512")
        .fixed("test_samples", "256")
        .build();
  }

  private SearchOptions options(Path out, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--output=" + out,
                "--vertexProject=test-project",
                "--vertexEndpoint=" + vertex.endpoint(),
                "--containerUri=" + FakeVertex.IMAGE,
                "--vertexOutput=" + FakeVertex.OUTPUT,
                "--vertexPollMillis=5",
                "--inProcess=true"));
    args.addAll(List.of(extra));
    PipelineOptionsFactory.register(SearchOptions.class);
    SearchOptions o =
        PipelineOptionsFactory.fromArgs(args.toArray(String[]::new))
            .withValidation()
            .as(SearchOptions.class);
    o.setVertexStorage(vertex.storage());
    FileSystems.setDefaultPipelineOptions(o);
    return o;
  }

  private static JsonNode results(Path out) throws Exception {
    return new ObjectMapper().readTree(Files.readAllBytes(out.resolve("results.json")));
  }

  @Test
  void vertexBackendRunsEveryTrialAsAJob(@TempDir Path out) throws Exception {
    SearchOptions o =
        options(out, "--backend=vertex", "--machineType=n1-highmem-2", "--maxParallelTrials=1");
    assertEquals(
        PipelineResult.State.DONE, SearchPipeline.build(o, space()).run().waitUntilFinish());

    JsonNode board = results(out);
    assertEquals(2, board.get("succeeded").asInt());
    for (JsonNode t : board.get("trials")) {
      assertEquals("vertex", t.get("backend").asText());
    }
    assertEquals(2, vertex.jobs().creates());
    assertEquals(1, vertex.jobs().maxInFlight(), "--maxParallelTrials=1");
    CustomJob job = vertex.jobs().jobs().get(0);
    assertEquals(
        "n1-highmem-2", job.getJobSpec().getWorkerPoolSpecs(0).getMachineSpec().getMachineType());
    assertEquals(
        List.of(
            "--activation",
            "relu",
            "--batch-size",
            job.getJobSpec().getWorkerPoolSpecs(0).getContainerSpec().getArgs(3),
            "--optimizer",
            "adam",
            "--num-epochs",
            "1",
            "--train-samples",
            "512",
            "--test-samples",
            "256"),
        job.getJobSpec().getWorkerPoolSpecs(0).getContainerSpec().getArgsList());
    assertTrue(
        job.getJobSpec()
            .getBaseOutputDirectory()
            .getOutputUriPrefix()
            .startsWith(FakeVertex.OUTPUT + "/hybrid/"));
  }

  /**
   * Issue 22: the reference study with two objectives (val_accuracy max, train_seconds min), every
   * trial a Vertex job: ranked by Pareto front, the fronts checked against a brute-force reading of
   * dominance.
   */
  @Test
  void aTwoObjectiveReferenceStudyRunsAsVertexJobsAndRanksByFront(@TempDir Path out)
      throws Exception {
    SearchOptions o =
        options(out, "--backend=vertex", "--objective=val_accuracy:max,train_seconds:min");
    assertEquals(
        PipelineResult.State.DONE,
        SearchPipeline.build(o, SearchSpace.referenceStudy()).run().waitUntilFinish());
    JsonNode board = results(out);
    assertEquals(27, board.get("succeeded").asInt());
    assertEquals("train_seconds", board.get("objectives").get(1).get("metric").asText());
    List<double[]> rows = new ArrayList<>();
    List<Integer> fronts = new ArrayList<>();
    for (JsonNode t : board.get("trials")) {
      rows.add(
          new double[] {
            t.get("best_val_accuracy").asDouble(), t.get("best_train_seconds").asDouble()
          });
      fronts.add(t.get("front").asInt());
    }
    int deepest = ParetoCheck.assertFronts(rows, fronts);
    assertTrue(deepest >= 3, "several fronts: " + deepest);
  }

  @Test
  void aRuleMixesRealLocalTrainingAndVertexInOneLeaderboard(@TempDir Path out) throws Exception {
    SearchOptions o = options(out, "--backend=rule", "--backendRule=batch_size>=128 -> vertex");
    assertEquals(
        PipelineResult.State.DONE, SearchPipeline.build(o, space()).run().waitUntilFinish());

    Map<String, JsonNode> byBackend = new HashMap<>();
    results(out).get("trials").forEach(t -> byBackend.put(t.get("backend").asText(), t));
    assertEquals(2, byBackend.size(), byBackend.toString());
    JsonNode local = byBackend.get("local");
    assertEquals("64", local.get("parameters").get("batch_size").asText());
    assertEquals("SUCCEEDED", local.get("status").asText(), local.toString());
    assertTrue(
        local.get("best_val_accuracy").asDouble() > 0.1, "really trained, above chance: " + local);
    assertEquals("128", byBackend.get("vertex").get("parameters").get("batch_size").asText());
    assertEquals(1, vertex.jobs().creates());
  }

  @Test
  void submitWithoutWaitingThenCollect(@TempDir Path out) throws Exception {
    SearchOptions o =
        options(
            out,
            "--backend=rule",
            "--backendRule=batch_size>=128 -> vertex",
            "--waitForCompletion=false");
    assertEquals(
        PipelineResult.State.DONE, SearchPipeline.build(o, space()).run().waitUntilFinish());

    assertFalse(Files.exists(out.resolve("results.csv")), "no leaderboard before collect");
    SubmissionManifest manifest = SubmissionManifest.read(out.toString());
    assertEquals("hybrid", manifest.study());
    assertEquals("test-project", manifest.project());
    assertEquals("us-central1", manifest.region());
    assertEquals(
        dev.tunebeam.transforms.study.Objective.DEFAULT,
        manifest.objective(),
        "the objective collect will rank by");
    assertEquals(2, manifest.trials().size());
    Map<String, SubmissionManifest.Entry> byBackend = new HashMap<>();
    manifest.trials().forEach(e -> byBackend.put(e.backend(), e));
    assertEquals(SubmissionManifest.SUBMITTED, byBackend.get("vertex").status());
    assertTrue(
        byBackend
            .get("vertex")
            .jobName()
            .startsWith("projects/test-project/locations/us-central1/customJobs/"));
    assertEquals("SUCCEEDED", byBackend.get("local").status());
    assertTrue(
        vertex.jobs().jobs().stream().allMatch(j -> j.getState() == JobState.JOB_STATE_QUEUED),
        "submitted, never polled");
    JsonNode onDisk =
        new ObjectMapper().readTree(Files.readAllBytes(out.resolve("submissions.json")));
    assertTrue(onDisk.get("trials").get(0).has("trial_id"), "snake_case keys: " + onDisk);

    SearchOptions later = options(out);
    assertEquals(
        PipelineResult.State.DONE,
        CollectResults.build(later, SubmissionManifest.read(out.toString()))
            .run()
            .waitUntilFinish());
    JsonNode board = results(out);
    assertEquals(2, board.get("succeeded").asInt(), board.toString());
    assertEquals(1, vertex.jobs().creates(), "collect only waits");
    List<String> backends = new ArrayList<>();
    board.get("trials").forEach(t -> backends.add(t.get("backend").asText()));
    assertTrue(backends.containsAll(List.of("local", "vertex")), backends.toString());
  }

  @Test
  void collectWithoutAManifestSaysWhatToRunFirst(@TempDir Path out) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        CollectResults.run(
            new String[] {"--output=" + out},
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code);
    assertTrue(
        err.toString(StandardCharsets.UTF_8)
            .contains(
                "has no submissions.json; run the pipeline with --waitForCompletion=false and the same --output first"),
        err.toString(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--backend=cloud                                           | --backend cloud is not supported; allowed: local, vertex, rule",
        "--backend=rule                                            | --backendRule: backend rule is empty",
        "--backend=rule --backendRule=dropout>0.5->vertex          | --backendRule reads parameter dropout, which search space lenet5-fashion does not have",
        "--backend=local --backendRule=batch_size>64->vertex       | --backendRule is only read with --backend=rule",
        "--backend=vertex --vertexProject=test-project             | Vertex AI jobs write to Cloud Storage, and --output",
        "--backend=vertex --vertexProject=test-project --bucket=gs://b-1 | --bucket gs://b-1 must be a bucket name without gs://",
        "--backend=vertex --vertexProject=test-project --bucket=b-1 --acceleratorType=TPU_X | accelerator type TPU_X is not a Vertex AI accelerator type",
        "--backend=vertex --vertexProject=test-project --bucket=b-1 --maxParallelTrials=0 | --maxParallelTrials 0 must be at least 1",
      })
  void badBackendOptionsExitTwoBeforeAnythingRuns(String args, String expected, @TempDir Path out) {
    List<String> all = new ArrayList<>(List.of(args.trim().split("\\s+")));
    all.add("--output=" + out);
    all.add("--vertexEndpoint=" + vertex.endpoint());
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        SearchPipeline.run(
            all.toArray(String[]::new),
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code, err.toString(StandardCharsets.UTF_8));
    assertTrue(
        err.toString(StandardCharsets.UTF_8).contains(expected),
        err.toString(StandardCharsets.UTF_8));
    assertEquals(0, vertex.rpcs());
  }

  @Test
  void regionWorksBesideDataflowsOwnRegionOption() {
    SearchOptions o =
        PipelineOptionsFactory.fromArgs("--region=europe-west4").as(SearchOptions.class);
    assertEquals("europe-west4", Backends.region(o));
    assertEquals(
        "europe-west4",
        o.as(DataflowPipelineOptions.class).getRegion(),
        "one --region for Dataflow and Vertex");
    assertEquals(
        "us-central1", Backends.region(PipelineOptionsFactory.create().as(SearchOptions.class)));
  }

  @Test
  void theVertexProjectDefaultsToTheGcpProject() {
    SearchOptions o =
        PipelineOptionsFactory.fromArgs("--project=gcp-project").as(SearchOptions.class);
    assertEquals("gcp-project", Backends.project(o));
    o.setVertexProject("vertex-project");
    assertEquals("vertex-project", Backends.project(o));
  }
}
