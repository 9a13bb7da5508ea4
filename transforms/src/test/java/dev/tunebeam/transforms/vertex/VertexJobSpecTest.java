package dev.tunebeam.transforms.vertex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.aiplatform.v1.AcceleratorType;
import com.google.cloud.aiplatform.v1.CustomJob;
import com.google.cloud.aiplatform.v1.WorkerPoolSpec;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.study.Trial;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The CustomJob a trial becomes, and the validation of its settings. */
class VertexJobSpecTest {
  private static final Trial TRIAL =
      SearchSpace.builder("lenet5-fashion")
          .categorical("activation", "leakyrelu")
          .discrete("batch_size", 128)
          .fixed("optimizer", "rmsprop")
          .fixed("num_epochs", "10")
          .fixed("dropout", "0.5")
          .passThrough("dropout")
          .build()
          .trials(1)
          .get(0);

  @Test
  void everySettingReachesTheJob() {
    SubmitToVertex s =
        SubmitToVertex.to("my-project", "europe-west4")
            .withContainerUri("europe-west4-docker.pkg.dev/my-project/tunebeam/trainer:v1")
            .withOutputPrefix("gs://my-bucket/studies/")
            .withMachineType("n1-standard-8")
            .withAccelerator("nvidia-tesla-t4", 0)
            .withServiceAccount("trainer@my-project.iam.gserviceaccount.com")
            .withNetwork("projects/123/global/networks/default")
            .withTimeout(Duration.ofHours(2))
            .withRestartOnWorkerRestart(true)
            .withDataDirectory("gs://my-bucket/fashion-mnist")
            .withPassThrough(Set.of("dropout"));
    CustomJob job = TrialJobs.customJob(TRIAL, s.settings());

    assertEquals("tunebeam-lenet5-fashion-" + TRIAL.id(), job.getDisplayName());
    assertEquals(
        Map.of(
            "trial_id",
            TRIAL.id(),
            "study",
            "lenet5-fashion",
            "created_by",
            "tunebeam",
            "rung",
            "10"),
        job.getLabelsMap());
    assertEquals(1, job.getJobSpec().getWorkerPoolSpecsCount());
    WorkerPoolSpec pool = job.getJobSpec().getWorkerPoolSpecs(0);
    assertEquals(1, pool.getReplicaCount());
    assertEquals("n1-standard-8", pool.getMachineSpec().getMachineType());
    assertEquals(AcceleratorType.NVIDIA_TESLA_T4, pool.getMachineSpec().getAcceleratorType());
    assertEquals(
        1, pool.getMachineSpec().getAcceleratorCount(), "a type without a count means one");
    assertEquals(
        "europe-west4-docker.pkg.dev/my-project/tunebeam/trainer:v1",
        pool.getContainerSpec().getImageUri());
    assertEquals(
        List.of(
            "--activation",
            "leakyrelu",
            "--batch-size",
            "128",
            "--optimizer",
            "rmsprop",
            "--num-epochs",
            "10",
            "--dropout",
            "0.5",
            "--data-dir",
            "gs://my-bucket/fashion-mnist"),
        pool.getContainerSpec().getArgsList());
    assertEquals(
        0,
        pool.getContainerSpec().getCommandCount(),
        "the image's entry point runs the args; no shell");
    assertEquals(
        "gs://my-bucket/studies/lenet5-fashion/" + TRIAL.id() + "/",
        job.getJobSpec().getBaseOutputDirectory().getOutputUriPrefix());
    assertEquals(
        "trainer@my-project.iam.gserviceaccount.com", job.getJobSpec().getServiceAccount());
    assertEquals("projects/123/global/networks/default", job.getJobSpec().getNetwork());
    assertEquals(7200, job.getJobSpec().getScheduling().getTimeout().getSeconds());
    assertTrue(job.getJobSpec().getScheduling().getRestartJobOnWorkerRestart());
    assertEquals("projects/my-project/locations/europe-west4", s.settings().parent());
  }

  /**
   * One space, two places to run it: a command trainer's space sends its own names, unchecked, to
   * the user's container.
   */
  @Test
  void aCommandTrainersSpaceSendsTheSameFlagsToTheContainer() {
    dev.tunebeam.transforms.space.SearchSpace space =
        dev.tunebeam.transforms.space.SearchSpace.builder("own")
            .uncheckedParameters()
            .discrete("batch_size", 64)
            .categorical("hidden", "wide")
            .build();
    dev.tunebeam.transforms.study.Trial trial = space.trials(10).get(0);
    CustomJob job =
        TrialJobs.customJob(
            trial,
            SubmitToVertex.to("my-project", "us-central1")
                .withContainerUri("img")
                .withOutputPrefix("gs://b-1/x")
                .withPassThrough(space.passThrough())
                .settings());
    WorkerPoolSpec pool = job.getJobSpec().getWorkerPoolSpecs(0);
    assertEquals(
        List.of("--batch_size", "64", "--hidden", "wide"), pool.getContainerSpec().getArgsList());
    assertEquals(
        dev.tunebeam.trainer.contract.TrialContract.flags(trial.parameters()),
        pool.getContainerSpec().getArgsList(),
        "the flags a local command worker gets");
    assertEquals("CLOUD_ML_TRIAL_ID", pool.getContainerSpec().getEnv(0).getName());
    assertEquals(trial.id(), pool.getContainerSpec().getEnv(0).getValue());
  }

  @Test
  void defaultsAreOneCpuMachineAndNoScheduling() {
    CustomJob job =
        TrialJobs.customJob(
            TRIAL,
            SubmitToVertex.to("my-project", "us-central1")
                .withContainerUri("img")
                .withOutputPrefix("gs://b-1/x")
                .settings());
    WorkerPoolSpec pool = job.getJobSpec().getWorkerPoolSpecs(0);
    assertEquals("n1-standard-4", pool.getMachineSpec().getMachineType());
    assertEquals(
        AcceleratorType.ACCELERATOR_TYPE_UNSPECIFIED, pool.getMachineSpec().getAcceleratorType());
    assertFalse(job.getJobSpec().hasScheduling());
    assertEquals("", job.getJobSpec().getServiceAccount());
    assertFalse(
        pool.getContainerSpec().getArgsList().contains("--dropout"),
        "pass-through parameters only when declared");
  }

  @Test
  void labelValuesAreSafeAndFilterFindsThem() {
    assertEquals("my-study_1", VertexLabels.value("My.Study_1"));
    assertEquals(64, VertexLabels.value("x".repeat(100)).length());
    assertEquals("labels.trial_id=\"0123456789ab\"", VertexLabels.trialFilter("0123456789ab"));
    for (String v : TrialJobs.labels(TRIAL).values()) {
      assertTrue(v.matches("[a-z0-9_-]{1,64}"), v);
    }
  }

  @Test
  void endpointsResolveToRegionalTlsOrPlaintextEmulators() {
    assertEquals(
        new VertexEndpoint("us-central1-aiplatform.googleapis.com:443", false),
        VertexEndpoint.resolve("us-central1", ""));
    assertEquals(
        new VertexEndpoint("127.0.0.1:8080", true),
        VertexEndpoint.resolve("us-central1", "http://127.0.0.1:8080"));
    assertEquals(
        new VertexEndpoint("vertex.example.com:443", false),
        VertexEndpoint.resolve("us-central1", "https://vertex.example.com:443/"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> VertexEndpoint.resolve("us-central1", "localhost"));
    assertTrue(e.getMessage().contains("is not host:port"), e.getMessage());
  }

  @Test
  void badSettingsNameTheFieldAndWhatIsAllowed() {
    assertMessage(
        () -> SubmitToVertex.to("p-roject", "us central"),
        "region us central is not a Google Cloud region");
    assertMessage(
        () -> SubmitToVertex.to("My_Project", "us-central1"),
        "project My_Project is not a Google Cloud project id");
    assertMessage(
        () -> SubmitToVertex.to("my-project", "us-central1").withOutputPrefix("/tmp/out"),
        "output prefix /tmp/out is not a gs:// path");
    assertMessage(
        () -> SubmitToVertex.to("my-project", "us-central1").withAccelerator("TESLA_X", 1),
        "accelerator type TESLA_X is not a Vertex AI accelerator type; allowed: NVIDIA_TESLA_K80");
    assertMessage(
        () -> SubmitToVertex.to("my-project", "us-central1").withAccelerator("", 2),
        "accelerator count 2 needs an accelerator type");
    assertMessage(
        () -> SubmitToVertex.to("my-project", "us-central1").withMaxParallelTrials(0),
        "maxParallelTrials 0 must be at least 1");
    assertMessage(
        () -> SubmitToVertex.to("my-project", "us-central1").withTimeout(Duration.ZERO),
        "timeout PT0S must be positive");
    assertMessage(
        () ->
            SubmitToVertex.to("my-project", "us-central1")
                .withOutputPrefix("gs://b-1/x")
                .settings()
                .checkComplete(),
        "container image URI is empty");
    assertMessage(
        () -> SubmitToVertex.to("", "us-central1").settings().checkComplete(), "project is empty");
  }

  private static void assertMessage(
      org.junit.jupiter.api.function.Executable call, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
