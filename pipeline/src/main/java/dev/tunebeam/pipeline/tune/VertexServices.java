package dev.tunebeam.pipeline.tune;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.api.gax.rpc.ClientSettings;
import com.google.cloud.aiplatform.v1.MetadataServiceClient;
import com.google.cloud.aiplatform.v1.MetadataServiceSettings;
import com.google.cloud.aiplatform.v1.ModelServiceClient;
import com.google.cloud.aiplatform.v1.ModelServiceSettings;
import com.google.cloud.aiplatform.v1.TensorboardServiceClient;
import com.google.cloud.aiplatform.v1.TensorboardServiceSettings;
import dev.tunebeam.transforms.vertex.VertexEndpoint;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;

/**
 * Clients of the Vertex AI services the launcher's optional flags use (Metadata for Experiments,
 * Tensorboard, Model for the registry), at the same endpoint as its JobService: the regional one
 * with credentials, or a plaintext test server without.
 */
final class VertexServices {
  private VertexServices() {}

  static MetadataServiceClient metadata(VertexEndpoint endpoint) throws IOException {
    return MetadataServiceClient.create(
        configure(MetadataServiceSettings.newBuilder(), endpoint).build());
  }

  static TensorboardServiceClient tensorboards(VertexEndpoint endpoint) throws IOException {
    return TensorboardServiceClient.create(
        configure(TensorboardServiceSettings.newBuilder(), endpoint).build());
  }

  static ModelServiceClient models(VertexEndpoint endpoint) throws IOException {
    return ModelServiceClient.create(
        configure(ModelServiceSettings.newBuilder(), endpoint).build());
  }

  @SuppressWarnings(
      "rawtypes") // gax declares the channel configurator on the raw ManagedChannelBuilder
  private static <S extends ClientSettings<S>, B extends ClientSettings.Builder<S, B>> B configure(
      B builder, VertexEndpoint endpoint) {
    builder.setEndpoint(endpoint.hostPort());
    if (endpoint.plaintext()) {
      builder
          .setCredentialsProvider(NoCredentialsProvider.create())
          .setTransportChannelProvider(
              InstantiatingGrpcChannelProvider.newBuilder()
                  .setEndpoint(endpoint.hostPort())
                  .setChannelConfigurator(ManagedChannelBuilder::usePlaintext)
                  .build());
    }
    return builder;
  }
}
