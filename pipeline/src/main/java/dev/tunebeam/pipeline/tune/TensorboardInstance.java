package dev.tunebeam.pipeline.tune;

import com.google.cloud.aiplatform.v1.LocationName;
import com.google.cloud.aiplatform.v1.Tensorboard;
import com.google.cloud.aiplatform.v1.TensorboardServiceClient;
import java.util.concurrent.ExecutionException;

/**
 * {@code --tensorboard-name}: the Vertex AI TensorBoard instance the tuning job's trials write to,
 * found by its resource name or display name, and created (as the reference launcher did) when no
 * instance has that display name.
 */
final class TensorboardInstance {
  private TensorboardInstance() {}

  /** The instance's resource name, {@code projects/P/locations/R/tensorboards/ID}. */
  static String resolve(TensorboardServiceClient client, String project, String region, String name)
      throws ExecutionException, InterruptedException {
    if (name.startsWith("projects/")) {
      return client.getTensorboard(name).getName();
    }
    String parent = LocationName.of(project, region).toString();
    for (Tensorboard t :
        client
            .listTensorboards(
                com.google.cloud.aiplatform.v1.ListTensorboardsRequest.newBuilder()
                    .setParent(parent)
                    .setFilter("display_name=\"" + name.replace("\"", "") + "\"")
                    .build())
            .iterateAll()) {
      return t.getName();
    }
    Tensorboard created =
        client
            .createTensorboardAsync(
                parent,
                Tensorboard.newBuilder()
                    .setDisplayName(name)
                    .setDescription("Created by tunebeam's tuning-job launcher")
                    .build())
            .get();
    return created.getName();
  }
}
