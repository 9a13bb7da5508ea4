package dev.tunebeam.pipeline.plan;

import static dev.tunebeam.pipeline.MainJobRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunebeam.pipeline.MainJobRun;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.beam.model.pipeline.v1.RunnerApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --dataflowDryRun}: the real DataflowRunner translates the pipeline into the job it would
 * submit and writes it, without a single network request (every HTTP client in the Google libraries
 * asks the default ProxySelector first; this test's selector records and refuses).
 */
@Tag("integration")
class DataflowDryRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<URI> requests = Collections.synchronizedList(new ArrayList<>());
  private ProxySelector original;

  private List<Path> zipsBefore;

  @BeforeEach
  void refuseTheNetwork() throws IOException {
    try (var tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      zipsBefore = tmp.toList();
    }
    original = ProxySelector.getDefault();
    ProxySelector.setDefault(
        new ProxySelector() {
          @Override
          public List<Proxy> select(URI uri) {
            requests.add(uri);
            throw new IllegalStateException("the dry run tried to reach " + uri);
          }

          @Override
          public void connectFailed(URI uri, SocketAddress address, IOException e) {}
        });
  }

  @AfterEach
  void restore() throws IOException {
    ProxySelector.setDefault(original);
    // The runner zips the test classpath's class folders into the temp folder to stage them.
    try (var tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      for (Path zip :
          tmp.filter(
                  f ->
                      f.getFileName().toString().matches("classes\\d+\\.zip")
                          && !zipsBefore.contains(f))
              .toList()) {
        Files.deleteIfExists(zip);
      }
    }
  }

  private static String[] launch(Object job, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--dataflowDryRun=" + job,
                "--runner=DataflowRunner",
                "--project=test-project",
                "--region=europe-west4",
                "--tempLocation=gs://test-bucket/tmp",
                "--output=gs://test-bucket/studies/lenet5"));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  private static JsonNode options(JsonNode job) {
    return job.path("environment").path("sdkPipelineOptions").path("options");
  }

  private static List<String> filesToStage(JsonNode job) {
    return StreamSupport.stream(options(job).path("filesToStage").spliterator(), false)
        .map(JsonNode::asText)
        .toList();
  }

  private static List<String> stepNames(JsonNode job) {
    return StreamSupport.stream(job.path("steps").spliterator(), false)
        .map(s -> s.path("properties").path("user_name").path("value").asText())
        .toList();
  }

  private static boolean isNativeJar(String path) {
    String name = Path.of(path).getFileName().toString();
    return name.startsWith("pytorch-native-") || name.startsWith("pytorch-jni-");
  }

  @Test
  void vertexOnlyJobHasTheStudysStepsAndOptionsAndStagesNoNatives(@TempDir Path dir)
      throws Exception {
    Path job = dir.resolve("job.json");
    long started = System.nanoTime();
    MainJobRun r =
        run(
            launch(
                job,
                "--backend=vertex",
                "--maxParallelTrials=5",
                "--containerUri=europe-west4-docker.pkg.dev/test-project/tunebeam/trainer:v1"));
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("dry run translated in %.1f s%n%s", seconds, r.out());

    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("job written to " + job), r.out());
    assertEquals(List.of(), requests, "no network request");
    JsonNode translated = JSON.readTree(Files.readAllBytes(job));
    List<String> steps = stepNames(translated);
    for (String step :
        List.of("ExpandSearchSpace", "RunTrials", "RankTrials", "WriteLeaderboard")) {
      assertTrue(
          steps.stream().anyMatch(s -> s.equals(step) || s.startsWith(step + "/")),
          step + " in " + steps);
    }
    JsonNode o = options(translated);
    assertEquals("gs://test-bucket/studies/lenet5", o.path("output").asText());
    assertEquals(5, o.path("maxParallelTrials").asInt());
    assertEquals("vertex", o.path("backend").asText());
    assertEquals("europe-west4", o.path("region").asText());
    assertEquals("test-project", o.path("project").asText());
    List<String> staged = filesToStage(translated);
    assertFalse(staged.isEmpty());
    assertTrue(
        staged.stream().noneMatch(DataflowDryRunTest::isNativeJar),
        "orchestration stages no PyTorch natives: " + staged);
    assertTrue(
        staged.stream().anyMatch(f -> f.contains("beam-runners-google-cloud-dataflow-java")),
        "the rest of the classpath is staged");
    assertFalse(r.out().contains("pytorch-native"), "the stager was not given the natives either");
  }

  @Test
  void localGpuTrainingOnRunnerV2StagesTheTrainerNativesAndRunsInTheWorkerImage(@TempDir Path dir)
      throws Exception {
    Path job = dir.resolve("job.json");
    String image = "europe-west4-docker.pkg.dev/test-project/tunebeam/dataflow-worker:v1";
    String accelerator = "worker_accelerator=type:nvidia-tesla-t4;count:1;install-nvidia-driver";
    MainJobRun r =
        run(
            launch(
                job,
                "--backend=local",
                "--device=gpu",
                "--sdkContainerImage=" + image,
                "--dataflowServiceOptions=" + accelerator,
                "--experiments=use_runner_v2",
                "--workerMachineType=n1-standard-4"));

    assertEquals(0, r.code(), r.err());
    assertEquals(List.of(), requests, "no network request");
    JsonNode translated = JSON.readTree(Files.readAllBytes(job));
    JsonNode o = options(translated);
    assertEquals("local", o.path("backend").asText());
    assertEquals(
        "gpu",
        o.path("device").asText(),
        "--device reaches the workers, whose trainer processes read it");
    assertEquals(
        accelerator, translated.path("environment").path("serviceOptions").path(0).asText());
    assertEquals(
        image,
        translated
            .path("environment")
            .path("workerPools")
            .path(0)
            .path("sdkHarnessContainerImages")
            .path(0)
            .path("containerImage")
            .asText());
    assertTrue(
        filesToStage(translated).stream()
            .anyMatch(f -> Path.of(f).getFileName().toString().startsWith("pytorch-native-cpu")),
        "workers that train get the natives: " + filesToStage(translated));

    // Runner v2 submits the pipeline itself instead of steps; the stager wrote it beside the job.
    RunnerApi.Pipeline pipeline =
        RunnerApi.Pipeline.parseFrom(Files.readAllBytes(dir.resolve("job-pipeline.pb")));
    List<String> transforms =
        pipeline.getComponents().getTransformsMap().values().stream()
            .map(RunnerApi.PTransform::getUniqueName)
            .toList();
    for (String step :
        List.of("ExpandSearchSpace", "RunTrials", "RankTrials", "WriteLeaderboard")) {
      assertTrue(transforms.contains(step), step + " in " + transforms);
    }
    assertTrue(
        transforms.stream().anyMatch(t -> t.startsWith("RunTrials/") && t.contains("Train")),
        "trials train on the workers: " + transforms);
    assertTrue(
        pipeline.getComponents().getEnvironmentsMap().values().stream()
            .anyMatch(e -> e.getPayload().toStringUtf8().contains(image)),
        "the workers run the worker image");
  }

  @Test
  void anExplicitFilesToStageWins(@TempDir Path dir) throws Exception {
    Path jar =
        Files.write(
            dir.resolve("mine.jar"),
            new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    Path job = dir.resolve("job.json");
    MainJobRun r = run(launch(job, "--backend=vertex", "--filesToStage=" + jar));

    assertEquals(0, r.code(), r.err());
    assertEquals(List.of(jar.toString()), filesToStage(JSON.readTree(Files.readAllBytes(job))));
  }

  @Test
  void aGcpTempLocationAloneIsEnoughAndNamesTheStagingFolder(@TempDir Path dir) {
    MainJobRun r =
        run(
            "--dataflowDryRun=" + dir.resolve("job.json"),
            "--project=test-project",
            "--region=europe-west4",
            "--gcpTempLocation=gs://test-bucket/gcp-tmp",
            "--output=gs://test-bucket/o",
            "--backend=vertex");

    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("to gs://test-bucket/gcp-tmp/staging/"), r.out());
    assertEquals(List.of(), requests, "no network request");
  }

  @Test
  void badDryRunsExit2NamingTheOption(@TempDir Path dir) {
    MainJobRun remote = run(launch("gs://bucket/job.json"));
    assertEquals(2, remote.code());
    assertTrue(
        remote.err().contains("--dataflowDryRun gs://bucket/job.json must be a local file path"),
        remote.err());

    MainJobRun noFolder = run(launch(dir.resolve("missing/job.json")));
    assertEquals(2, noFolder.code());
    assertTrue(noFolder.err().contains("is not a writable folder"), noFolder.err());

    MainJobRun noTemp =
        run(
            "--dataflowDryRun=" + dir.resolve("job.json"),
            "--project=p",
            "--region=us-central1",
            "--output=gs://b/o",
            "--backend=vertex");
    assertEquals(2, noTemp.code());
    assertTrue(
        noTemp.err().contains("--dataflowDryRun needs --tempLocation=gs://BUCKET/PATH"),
        noTemp.err());
    assertFalse(Files.exists(dir.resolve("job.json")));
    assertEquals(List.of(), requests, "no network request");
  }
}
