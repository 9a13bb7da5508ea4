package dev.tunebeam.pipeline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.tunebeam.pipeline.study.Backends;
import dev.tunebeam.transforms.vertex.CustomJobTemplate;
import dev.tunebeam.transforms.vertex.StorageFactory;
import dev.tunebeam.transforms.vertex.VertexSettings;
import org.apache.beam.runners.dataflow.options.DefaultGcpRegionFactory;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.DefaultValueFactory;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Hidden;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Where trials run, and how Vertex AI runs them.
 *
 * <p>{@code --region} and {@code --serviceAccount} are also Dataflow options, and Beam insists that
 * every interface declaring a property annotates its default the same way (it refuses to parse any
 * argument otherwise, whatever the runner). So {@code --region} takes Dataflow's default (gcloud's
 * {@code compute/region}, else empty, and then {@link Backends} uses us-central1), {@code
 * --serviceAccount} has none, and on Dataflow one value serves both: the Vertex jobs run in the
 * Dataflow job's region, as its worker service account.
 */
public interface VertexOptions extends PipelineOptions {
  String DEFAULT_REGION = "us-central1";

  @Description(
      "Where trials run: local (DJL on this machine or each Dataflow worker), vertex (one Vertex AI CustomJob per trial), "
          + "or rule (each trial by --backendRule).")
  @Default.String("local")
  String getBackend();

  void setBackend(String value);

  @Description(
      "With --backend=rule: clauses on trial parameters, first match wins, e.g. 'batch_size>=128 -> vertex; else -> local'. "
          + "Comparisons: == != >= <= > <.")
  @Default.String("")
  String getBackendRule();

  void setBackendRule(String value);

  @Description("Google Cloud project for Vertex AI jobs. Empty: the GCP --project.")
  @Default.String("")
  String getVertexProject();

  void setVertexProject(String value);

  @Description(
      "Vertex AI region (and Dataflow's), e.g. europe-west4. Empty: gcloud's compute/region, else us-central1. "
          + "The output bucket must be in the same region.")
  @Default.InstanceFactory(DefaultGcpRegionFactory.class)
  String getRegion();

  void setRegion(String value);

  @Description(
      "Vertex AI JobService endpoint override: host:port (TLS), or http://127.0.0.1:PORT for an emulator or test server "
          + "(plaintext, no credentials). Empty: REGION-aiplatform.googleapis.com:443.")
  @Default.String("")
  String getVertexEndpoint();

  void setVertexEndpoint(String value);

  @Description(
      "Trainer image for Vertex AI jobs. Empty: REGION-docker.pkg.dev/PROJECT/tunebeam/trainer:latest (build it from docker/trainer.Dockerfile; README, Run on Google Cloud).")
  @Default.String("")
  String getContainerUri();

  void setContainerUri(String value);

  @Description("Machine type of each Vertex AI job.")
  @Default.String(CustomJobTemplate.DEFAULT_MACHINE_TYPE)
  String getMachineType();

  void setMachineType(String value);

  @Description("Accelerator of each Vertex AI job, e.g. NVIDIA_TESLA_T4. Empty: none.")
  @Default.String("")
  String getAcceleratorType();

  void setAcceleratorType(String value);

  @Description("Accelerators per Vertex AI job (0: one when --acceleratorType is set).")
  @Default.Integer(0)
  int getAcceleratorCount();

  void setAcceleratorCount(int value);

  @Description(
      "Bucket (name only, no gs://) for Vertex AI outputs: jobs write to gs://BUCKET/tunebeam/STUDY/TRIAL_ID/. "
          + "Ignored when --vertexOutput is set.")
  @Default.String("")
  String getBucket();

  void setBucket(String value);

  @Description(
      "gs:// prefix for Vertex AI outputs. Empty: gs://BUCKET/tunebeam from --bucket, else OUTPUT/vertex when --output is gs://.")
  @Default.String("")
  String getVertexOutput();

  void setVertexOutput(String value);

  @Description(
      "Service account Vertex AI jobs run as (on Dataflow also the workers'). Empty: the Vertex AI Custom Code Service Agent.")
  String getServiceAccount();

  void setServiceAccount(String value);

  @Description("Most Vertex AI jobs running at once across the whole pipeline.")
  @Default.Integer(VertexSettings.DEFAULT_MAX_PARALLEL_TRIALS)
  int getMaxParallelTrials();

  void setMaxParallelTrials(int value);

  @Description(
      "Wait for Vertex AI jobs and write the leaderboard (true), or submit, write OUTPUT/submissions.json and exit (false); "
          + "then run the collect command on the same --output.")
  @Default.Boolean(true)
  boolean getWaitForCompletion();

  void setWaitForCompletion(boolean value);

  @Hidden
  @Description(
      "First wait between polls of a running Vertex AI job, in milliseconds; doubles up to six times that.")
  @Default.Long(10_000)
  long getVertexPollMillis();

  void setVertexPollMillis(long value);

  /**
   * The Cloud Storage client factory that reads jobs' metrics.json; tests inject an in-memory one.
   */
  @Hidden
  @JsonIgnore
  @Description("Makes the Cloud Storage client that reads Vertex AI jobs' metrics.json.")
  @Default.InstanceFactory(StandardStorage.class)
  StorageFactory getVertexStorage();

  void setVertexStorage(StorageFactory value);

  /** Application Default Credentials. */
  class StandardStorage implements DefaultValueFactory<StorageFactory> {
    @Override
    public StorageFactory create(PipelineOptions options) {
      return StorageFactory.standard();
    }
  }
}
