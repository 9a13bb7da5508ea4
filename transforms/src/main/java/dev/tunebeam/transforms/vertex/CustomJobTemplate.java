package dev.tunebeam.transforms.vertex;

import com.google.cloud.aiplatform.v1.AcceleratorType;
import com.google.cloud.aiplatform.v1.ContainerSpec;
import com.google.cloud.aiplatform.v1.CustomJobSpec;
import com.google.cloud.aiplatform.v1.GcsDestination;
import com.google.cloud.aiplatform.v1.MachineSpec;
import com.google.cloud.aiplatform.v1.Scheduling;
import com.google.cloud.aiplatform.v1.WorkerPoolSpec;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.apache.beam.sdk.annotations.Internal;

/**
 * The shape of the job that runs one trial: one worker pool of one replica running the trainer
 * container, plus who it runs as and how long it may take. {@link SubmitToVertex} wraps it in a
 * CustomJob per trial; the tuning-job launcher uses the same spec as its trial job, so the two
 * paths cannot drift apart.
 *
 * @param acceleratorType a Vertex {@code AcceleratorType} name, or "" for none
 * @param timeout null leaves Vertex's own limit (7 days)
 */
@Internal
public record CustomJobTemplate(
    String containerUri,
    String machineType,
    String acceleratorType,
    int acceleratorCount,
    String serviceAccount,
    String network,
    Duration timeout,
    boolean restartOnWorkerRestart)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String DEFAULT_MACHINE_TYPE = "n1-standard-4";

  public CustomJobTemplate {
    machineType =
        machineType == null || machineType.isBlank() ? DEFAULT_MACHINE_TYPE : machineType.trim();
    if (!machineType.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException(
          "machine type "
              + machineType
              + " is not a Compute Engine machine type; use a name like n1-standard-4");
    }
    acceleratorType = AcceleratorTypes.parse("accelerator type", acceleratorType);
    if (acceleratorCount < 0) {
      throw new IllegalArgumentException(
          "accelerator count "
              + acceleratorCount
              + " is negative; use 0 (one when a type is set) or a positive count");
    }
    if (acceleratorType.isEmpty() && acceleratorCount > 0) {
      throw new IllegalArgumentException(
          "accelerator count "
              + acceleratorCount
              + " needs an accelerator type; allowed: "
              + String.join(", ", AcceleratorTypes.allowed()));
    }
    if (!acceleratorType.isEmpty() && acceleratorCount == 0) {
      acceleratorCount = 1;
    }
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("timeout " + timeout + " must be positive");
    }
    containerUri = containerUri == null ? "" : containerUri.trim();
    serviceAccount = serviceAccount == null ? "" : serviceAccount.trim();
    network = network == null ? "" : network.trim();
  }

  /**
   * Where the docs push the trainer image: {@code
   * REGION-docker.pkg.dev/PROJECT/tunebeam/trainer:latest}.
   */
  public static String defaultContainerUri(String project, String region) {
    return region + "-docker.pkg.dev/" + project + "/tunebeam/trainer:latest";
  }

  public static CustomJobTemplate of(String containerUri) {
    return new CustomJobTemplate(containerUri, DEFAULT_MACHINE_TYPE, "", 0, "", "", null, false);
  }

  public CustomJobTemplate withContainerUri(String v) {
    return new CustomJobTemplate(
        v,
        machineType,
        acceleratorType,
        acceleratorCount,
        serviceAccount,
        network,
        timeout,
        restartOnWorkerRestart);
  }

  public CustomJobTemplate withMachineType(String v) {
    return new CustomJobTemplate(
        containerUri,
        v,
        acceleratorType,
        acceleratorCount,
        serviceAccount,
        network,
        timeout,
        restartOnWorkerRestart);
  }

  public CustomJobTemplate withAccelerator(String type, int count) {
    return new CustomJobTemplate(
        containerUri,
        machineType,
        type,
        count,
        serviceAccount,
        network,
        timeout,
        restartOnWorkerRestart);
  }

  public CustomJobTemplate withServiceAccount(String v) {
    return new CustomJobTemplate(
        containerUri,
        machineType,
        acceleratorType,
        acceleratorCount,
        v,
        network,
        timeout,
        restartOnWorkerRestart);
  }

  public CustomJobTemplate withNetwork(String v) {
    return new CustomJobTemplate(
        containerUri,
        machineType,
        acceleratorType,
        acceleratorCount,
        serviceAccount,
        v,
        timeout,
        restartOnWorkerRestart);
  }

  public CustomJobTemplate withTimeout(Duration v) {
    return new CustomJobTemplate(
        containerUri,
        machineType,
        acceleratorType,
        acceleratorCount,
        serviceAccount,
        network,
        v,
        restartOnWorkerRestart);
  }

  public CustomJobTemplate withRestartOnWorkerRestart(boolean v) {
    return new CustomJobTemplate(
        containerUri,
        machineType,
        acceleratorType,
        acceleratorCount,
        serviceAccount,
        network,
        timeout,
        v);
  }

  /** Fails with the missing field's name before anything is submitted. */
  public void checkComplete() {
    if (containerUri.isEmpty()) {
      throw new IllegalArgumentException(
          "container image URI is empty; build and push the trainer image and pass its Artifact Registry URI "
              + "(e.g. us-central1-docker.pkg.dev/PROJECT/tunebeam/trainer:latest)");
    }
  }

  /**
   * The job spec: the container gets {@code args} as a list (Vertex passes each as one argv entry,
   * no shell), and Vertex derives {@code AIP_MODEL_DIR} from {@code baseOutputDirectory}.
   */
  public CustomJobSpec spec(List<String> args, String baseOutputDirectory) {
    return spec(args, java.util.Map.of(), baseOutputDirectory);
  }

  /**
   * The job spec with {@code env} set in the container, as the trial contract's variables that
   * Vertex does not set itself.
   */
  public CustomJobSpec spec(
      List<String> args, java.util.Map<String, String> env, String baseOutputDirectory) {
    checkComplete();
    ContainerSpec.Builder container =
        ContainerSpec.newBuilder().setImageUri(containerUri).addAllArgs(args);
    env.forEach(
        (name, value) ->
            container.addEnv(
                com.google.cloud.aiplatform.v1.EnvVar.newBuilder().setName(name).setValue(value)));
    MachineSpec.Builder machine = MachineSpec.newBuilder().setMachineType(machineType);
    if (!acceleratorType.isEmpty()) {
      machine
          .setAcceleratorType(AcceleratorType.valueOf(acceleratorType))
          .setAcceleratorCount(acceleratorCount);
    }
    CustomJobSpec.Builder spec =
        CustomJobSpec.newBuilder()
            .addWorkerPoolSpecs(
                WorkerPoolSpec.newBuilder()
                    .setMachineSpec(machine)
                    .setReplicaCount(1)
                    .setContainerSpec(container))
            .setBaseOutputDirectory(
                GcsDestination.newBuilder().setOutputUriPrefix(baseOutputDirectory));
    if (!serviceAccount.isEmpty()) {
      spec.setServiceAccount(serviceAccount);
    }
    if (!network.isEmpty()) {
      spec.setNetwork(network);
    }
    if (timeout != null || restartOnWorkerRestart) {
      Scheduling.Builder scheduling =
          Scheduling.newBuilder().setRestartJobOnWorkerRestart(restartOnWorkerRestart);
      if (timeout != null) {
        scheduling.setTimeout(
            com.google.protobuf.Duration.newBuilder()
                .setSeconds(timeout.getSeconds())
                .setNanos(timeout.getNano()));
      }
      spec.setScheduling(scheduling);
    }
    return spec.build();
  }
}
