package dev.tunebeam.pipeline.tune;

import com.google.cloud.aiplatform.v1.LocationName;
import com.google.cloud.aiplatform.v1.Model;
import com.google.cloud.aiplatform.v1.ModelContainerSpec;
import com.google.cloud.aiplatform.v1.ModelServiceClient;
import com.google.cloud.aiplatform.v1.UploadModelResponse;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.vertex.VertexLabels;
import java.util.Locale;
import java.util.concurrent.ExecutionException;

/**
 * {@code --enable-model-registry}: the best trial's model folder uploaded to the Vertex AI Model
 * Registry, its hyperparameters as labels (label-safe: {@code learning_rate: 0_001}) and exactly in
 * the description. The trainer image is recorded as the model's container: it is what produced the
 * weights; it does not serve predictions, so deploying the model needs a serving image.
 */
final class ModelRegistry {
  private ModelRegistry() {}

  /** The registered model's resource name. */
  static String upload(
      ModelServiceClient client,
      String project,
      String region,
      String job,
      TrialResult best,
      String containerUri,
      String objective,
      double value)
      throws ExecutionException, InterruptedException {
    Model.Builder model =
        Model.newBuilder()
            .setDisplayName(VertexLabels.value(job + "-best"))
            .setDescription(
                String.format(
                    Locale.ROOT,
                    "Best trial %s of %s (%s = %.4f): %s",
                    best.trial().id(),
                    job,
                    objective,
                    value,
                    best.trial().describe()))
            .setArtifactUri(best.location())
            .setContainerSpec(ModelContainerSpec.newBuilder().setImageUri(containerUri))
            .putLabels("created_by", "tunebeam")
            .putLabels("trial_id", VertexLabels.value(best.trial().id()));
    best.trial()
        .parameters()
        .forEach(
            (k, v) ->
                model.putLabels(
                    VertexLabels.value(k).replace('-', '_'),
                    VertexLabels.value(v).replace('-', '_')));
    UploadModelResponse response =
        client.uploadModelAsync(LocationName.of(project, region), model.build()).get();
    return response.getModel();
  }
}
