package dev.tunebeam.transforms.vertex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.aiplatform.v1.CustomJob;
import com.google.cloud.aiplatform.v1.JobState;
import dev.tunebeam.transforms.results.RankTrials;
import dev.tunebeam.transforms.results.WriteLeaderboard;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SubmitToVertex in DirectRunner pipelines against the fake JobService, through the real client.
 */
@Tag("integration")
class SubmitToVertexTest {
  /** Results of each run, by run id: the DirectRunner serializes DoFns, so they report here. */
  private static final Map<String, List<TrialResult>> COLLECTED = new ConcurrentHashMap<>();

  private FakeVertex vertex;

  @BeforeEach
  void start() {
    vertex = FakeVertex.start();
  }

  @AfterEach
  void stop() {
    vertex.close();
  }

  @Test
  void threeTrialsSucceedAndMeetInOneLeaderboard(@TempDir Path out) throws Exception {
    List<Trial> trials = VertexTestTrials.three();
    Pipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);
    p.apply(Create.of(trials).withCoder(SerializableCoder.of(Trial.class)))
        .apply(vertex.submit())
        .apply(RankTrials.byDefault())
        .apply(WriteLeaderboard.to(out.toString()).withStudy("vertex-test"));
    PipelineResult result = p.run();
    result.waitUntilFinish();

    JsonNode board = new ObjectMapper().readTree(Files.readAllBytes(out.resolve("results.json")));
    assertEquals(3, board.get("succeeded").asInt());
    List<String> ranked = new ArrayList<>();
    for (JsonNode t : board.get("trials")) {
      assertEquals("vertex", t.get("backend").asText());
      assertEquals("SUCCEEDED", t.get("status").asText());
      assertTrue(
          t.get("location")
              .asText()
              .startsWith("projects/test-project/locations/us-central1/customJobs/"),
          t.toString());
      assertEquals(2, t.get("history").size());
      ranked.add(t.get("parameters").get("activation").asText());
    }
    assertEquals(
        List.of("relu", "leakyrelu", "softmax"),
        ranked,
        "ranked by the accuracy each job reported");
    assertEquals(3, vertex.jobs().creates());
    assertEquals(3, counter(result, "submitted"));
    assertEquals(3, counter(result, "trials_succeeded"));
    assertEquals(0, counter(result, "trials_failed"));

    CustomJob job =
        vertex.jobs().jobs().stream()
            .filter(j -> j.getLabelsMap().get("trial_id").equals(trials.get(0).id()))
            .findFirst()
            .orElseThrow();
    assertEquals("tunebeam-vertex-test-" + trials.get(0).id(), job.getDisplayName());
    assertEquals(
        Map.of(
            "trial_id",
            trials.get(0).id(),
            "study",
            "vertex-test",
            "created_by",
            "tunebeam",
            "rung",
            "2"),
        job.getLabelsMap());
    assertEquals(
        FakeVertex.OUTPUT + "/vertex-test/" + trials.get(0).id() + "/",
        job.getJobSpec().getBaseOutputDirectory().getOutputUriPrefix());
    assertEquals(
        List.of(
            "--activation",
            "relu",
            "--optimizer",
            "adam",
            "--batch-size",
            "64",
            "--num-epochs",
            "2"),
        job.getJobSpec().getWorkerPoolSpecs(0).getContainerSpec().getArgsList());
    assertEquals(
        FakeVertex.IMAGE, job.getJobSpec().getWorkerPoolSpecs(0).getContainerSpec().getImageUri());
    assertEquals(
        "n1-standard-4", job.getJobSpec().getWorkerPoolSpecs(0).getMachineSpec().getMachineType());
    assertEquals(1, job.getJobSpec().getWorkerPoolSpecs(0).getReplicaCount());
  }

  @Test
  void aRetriedSubmissionAttachesInsteadOfCreatingASecondJob() {
    List<Trial> trials = VertexTestTrials.three();
    // First attempt: the jobs are created, then the "bundle" is lost before any result is emitted.
    Pipeline first = TestPipeline.create().enableAbandonedNodeEnforcement(false);
    first
        .apply(Create.of(trials).withCoder(SerializableCoder.of(Trial.class)))
        .apply(vertex.submit().withoutWaiting());
    first.run().waitUntilFinish();
    assertEquals(3, vertex.jobs().creates());

    // The retry runs the same trials again and must find the three jobs by their trial_id label.
    PipelineResult retry = run(trials, vertex.submit(), "retry");
    assertEquals(3, vertex.jobs().creates(), "no second job for any trial");
    assertEquals(3, vertex.jobs().jobs().size());
    assertEquals(3, counter(retry, "attached"));
    assertEquals(0, counter(retry, "submitted"));
    assertTrue(COLLECTED.get("retry").stream().allMatch(TrialResult::succeeded));
  }

  /**
   * Two runners that both listed nothing both create; each keeps the older job and cancels its own.
   */
  @Test
  void aCreateRaceEndsWithOneJobRunning() {
    List<Trial> trials = VertexTestTrials.three().subList(0, 1);
    vertex.jobs().anotherRunnerCreatesFirst(trials.get(0).id());
    run(trials, vertex.submit(), "race");
    List<com.google.cloud.aiplatform.v1.CustomJob> jobs = vertex.jobs().jobs();
    assertEquals(2, jobs.size());
    com.google.cloud.aiplatform.v1.CustomJob older =
        jobs.stream()
            .min(java.util.Comparator.comparing(j -> j.getCreateTime().getSeconds()))
            .orElseThrow();
    com.google.cloud.aiplatform.v1.CustomJob ours =
        jobs.stream().filter(j -> j != older).findFirst().orElseThrow();
    assertTrue(
        ours.getState().name().startsWith("JOB_STATE_CANCEL"),
        "the duplicate is cancelled: " + ours.getState());
    TrialResult r = COLLECTED.get("race").get(0);
    assertTrue(r.succeeded(), String.valueOf(r.error()));
    assertEquals(
        older.getName(), r.location(), "the trial's result comes from the job every runner keeps");
  }

  @Test
  void aTrialWhoseEarlierJobFailedGetsANewJob() {
    List<Trial> trials = VertexTestTrials.three().subList(0, 1);
    vertex.jobs().defaultOutcome(FakeJobService.Outcome.FAIL);
    run(trials, vertex.submit(), "first");
    assertEquals(TrialStatus.FAILED, COLLECTED.get("first").get(0).status());

    vertex.jobs().defaultOutcome(FakeJobService.Outcome.SUCCEED);
    run(trials, vertex.submit(), "second");
    assertEquals(
        2, vertex.jobs().creates(), "a failed job is not attached to; the trial runs again");
    assertTrue(COLLECTED.get("second").get(0).succeeded());
  }

  @Test
  void quotaErrorsAreRetriedUntilTheCreateSucceeds() {
    vertex.jobs().failNextCreates(Status.Code.RESOURCE_EXHAUSTED, 2);
    List<Trial> trials = VertexTestTrials.three().subList(0, 1);
    PipelineResult r = run(trials, vertex.submit(), "quota");
    assertTrue(
        COLLECTED.get("quota").get(0).succeeded(),
        String.valueOf(COLLECTED.get("quota").get(0).error()));
    assertEquals(3, vertex.jobs().creates(), "two refused creates, then the one that worked");
    assertEquals(1, vertex.jobs().jobs().size());
    assertEquals(1, counter(r, "submitted"));
  }

  @Test
  void quotaThatNeverFreesUpIsAFailedTrialThatSaysWhatToDo() {
    vertex.jobs().failEveryCreate(Status.Code.RESOURCE_EXHAUSTED);
    run(VertexTestTrials.three().subList(0, 1), vertex.submit(), "noquota");
    TrialResult r = COLLECTED.get("noquota").get(0);
    assertEquals(TrialStatus.FAILED, r.status());
    assertTrue(r.error().contains("RESOURCE_EXHAUSTED"), r.error());
    assertTrue(r.error().contains("Gave up after 4 attempts"), r.error());
    assertTrue(
        r.error().contains("--maxParallelTrials") && r.error().contains("request more quota"),
        r.error());
    assertEquals(4, vertex.jobs().creates(), "bounded: the configured 4 attempts");
  }

  @Test
  void aJobThatEndsFailedIsAFailedTrialWithVertexsError() {
    List<Trial> trials = VertexTestTrials.three();
    vertex.jobs().outcome(trials.get(1).id(), FakeJobService.Outcome.FAIL);
    PipelineResult r = run(trials, vertex.submit(), "failed");
    TrialResult failed = byId("failed", trials.get(1).id());
    assertEquals(TrialStatus.FAILED, failed.status());
    assertEquals("vertex", failed.backend());
    assertTrue(
        failed.error().contains("ended FAILED: " + FakeJobService.FAILURE_TEXT), failed.error());
    assertTrue(failed.location().contains("/customJobs/"), failed.location());
    assertEquals(2, counter(r, "trials_succeeded"));
    assertEquals(1, counter(r, "trials_failed"));
  }

  @Test
  void permissionDeniedIsNotRetriedAndNamesTheRoleToGrant() {
    vertex.jobs().failEveryCreate(Status.Code.PERMISSION_DENIED);
    run(
        VertexTestTrials.three().subList(0, 1),
        vertex.submit().withServiceAccount("trainer@test-project.iam.gserviceaccount.com"),
        "denied");
    TrialResult r = COLLECTED.get("denied").get(0);
    assertEquals(TrialStatus.FAILED, r.status());
    assertTrue(r.error().contains("PERMISSION_DENIED"), r.error());
    assertTrue(r.error().contains("roles/aiplatform.user"), r.error());
    assertTrue(
        r.error()
            .contains(
                "trainer@test-project.iam.gserviceaccount.com roles/storage.objectAdmin on gs://test-bucket"),
        r.error());
    assertNull(r.location());
    assertEquals(1, vertex.jobs().creates(), "a permission error is final");
  }

  @Test
  void invalidArgumentPointsAtMachineTypeAndBucketRegion() {
    vertex.jobs().failEveryCreate(Status.Code.INVALID_ARGUMENT);
    run(
        VertexTestTrials.three().subList(0, 1),
        vertex.submit().withMachineType("n1-standard-999"),
        "invalid");
    String error = COLLECTED.get("invalid").get(0).error();
    assertTrue(error.contains("n1-standard-999") && error.contains("us-central1"), error);
    assertTrue(error.contains("bucket gs://test-bucket is in region us-central1"), error);
  }

  @Test
  void aCancelledJobIsAFailedTrial() {
    List<Trial> trials = VertexTestTrials.three().subList(0, 1);
    vertex.jobs().defaultOutcome(FakeJobService.Outcome.CANCEL);
    run(trials, vertex.submit(), "cancelled");
    TrialResult r = COLLECTED.get("cancelled").get(0);
    assertEquals(TrialStatus.FAILED, r.status());
    assertTrue(r.error().contains("ended CANCELLED"), r.error());
  }

  @Test
  void aJobWithoutMetricsJsonSaysWhereTheContainerMustWrite() {
    vertex.jobs().defaultOutcome(FakeJobService.Outcome.SUCCEED_WITHOUT_METRICS);
    run(VertexTestTrials.three().subList(0, 1), vertex.submit(), "nometrics");
    TrialResult r = COLLECTED.get("nometrics").get(0);
    assertEquals(TrialStatus.FAILED, r.status());
    assertTrue(
        r.error().contains("$AIP_MODEL_DIR") && r.error().contains("/model/metrics.json"),
        r.error());
  }

  @Test
  void neverMoreJobsInFlightThanMaxParallelTrials() {
    List<Trial> trials = VertexTestTrials.many(7);
    vertex.jobs().runningGets(4);
    PipelineResult r = run(trials, vertex.submit().withMaxParallelTrials(2), "capped");
    assertEquals(7, COLLECTED.get("capped").size());
    assertTrue(COLLECTED.get("capped").stream().allMatch(TrialResult::succeeded));
    assertEquals(7, vertex.jobs().creates());
    assertTrue(
        vertex.jobs().maxInFlight() <= 2, "in flight at once: " + vertex.jobs().maxInFlight());
    System.out.println(
        "max jobs in flight with maxParallelTrials=2: " + vertex.jobs().maxInFlight());
    assertTrue(vertex.jobs().maxInFlight() >= 1);
    assertEquals(7, counter(r, "trials_succeeded"));
  }

  @Test
  void anUnreachableEndpointFailsEachTrialWithoutFailingThePipeline() throws Exception {
    int port;
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort();
    }
    run(
        VertexTestTrials.three().subList(0, 2),
        vertex.submit().withEndpoint("http://127.0.0.1:" + port),
        "unreachable");
    List<TrialResult> results = COLLECTED.get("unreachable");
    assertEquals(2, results.size());
    for (TrialResult r : results) {
      assertEquals(TrialStatus.FAILED, r.status());
      assertTrue(
          r.error().contains("UNAVAILABLE") && r.error().contains("Gave up after 4 attempts"),
          r.error());
    }
  }

  @Test
  void submitWithoutWaitingThenCollect() {
    List<Trial> trials = VertexTestTrials.three();
    vertex.jobs().outcome(trials.get(2).id(), FakeJobService.Outcome.FAIL);
    Pipeline submit = TestPipeline.create().enableAbandonedNodeEnforcement(false);
    submit
        .apply(Create.of(trials).withCoder(SerializableCoder.of(Trial.class)))
        .apply(vertex.submit().withoutWaiting())
        .get(SubmitVertexJobs.SUBMITTED)
        .apply(ParDo.of(new CollectSubmissions("submissions")));
    submit.run().waitUntilFinish();
    assertEquals(3, SUBMISSIONS.get("submissions").size());
    assertTrue(
        vertex.jobs().jobs().stream().allMatch(j -> j.getState() == JobState.JOB_STATE_QUEUED),
        "nothing waited on the jobs");

    Pipeline collect = TestPipeline.create().enableAbandonedNodeEnforcement(false);
    collect
        .apply(
            Create.of(SUBMISSIONS.get("submissions"))
                .withCoder(SerializableCoder.of(VertexSubmission.class)))
        .apply(vertex.submit().collect())
        .apply(ParDo.of(new Collect("collected")));
    collect.run().waitUntilFinish();
    assertEquals(3, vertex.jobs().creates());
    assertEquals(2, COLLECTED.get("collected").stream().filter(TrialResult::succeeded).count());
    assertEquals(TrialStatus.FAILED, byId("collected", trials.get(2).id()).status());
  }

  @Test
  void missingSettingsFailWhenThePipelineIsBuilt() {
    Pipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);
    PCollection<Trial> trials =
        p.apply(Create.of(VertexTestTrials.three()).withCoder(SerializableCoder.of(Trial.class)));
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () ->
                trials.apply(
                    SubmitToVertex.to("test-project", "us-central1")
                        .withContainerUri(FakeVertex.IMAGE)));
    assertTrue(e.getMessage().contains("output prefix is empty"), e.getMessage());
    assertFalse(vertex.rpcs() > 0);
  }

  // ---- helpers ----

  private static final Map<String, List<VertexSubmission>> SUBMISSIONS = new ConcurrentHashMap<>();

  private static PipelineResult run(List<Trial> trials, SubmitToVertex submit, String key) {
    COLLECTED.remove(key);
    Pipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);
    p.apply(Create.of(trials).withCoder(SerializableCoder.of(Trial.class)))
        .apply(submit)
        .apply(ParDo.of(new Collect(key)));
    PipelineResult r = p.run();
    r.waitUntilFinish();
    COLLECTED
        .computeIfAbsent(key, k -> new ArrayList<>())
        .sort(Comparator.comparing(t -> t.trial().id()));
    return r;
  }

  private static TrialResult byId(String key, String trialId) {
    return COLLECTED.get(key).stream()
        .filter(r -> r.trial().id().equals(trialId))
        .findFirst()
        .orElseThrow();
  }

  static long counter(PipelineResult result, String name) {
    MetricQueryResults q =
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.named(SubmitToVertex.class, name))
                    .build());
    long sum = 0;
    for (MetricResult<Long> c : q.getCounters()) {
      sum += c.getAttempted();
    }
    return sum;
  }

  static final class Collect extends DoFn<TrialResult, Void> {
    private final String key;

    Collect(String key) {
      this.key = key;
    }

    @ProcessElement
    public void process(@Element TrialResult r) {
      COLLECTED
          .computeIfAbsent(key, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
          .add(r);
    }
  }

  static final class CollectSubmissions extends DoFn<VertexSubmission, Void> {
    private final String key;

    CollectSubmissions(String key) {
      this.key = key;
    }

    @ProcessElement
    public void process(@Element VertexSubmission s) {
      SUBMISSIONS
          .computeIfAbsent(key, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
          .add(s);
    }
  }
}
