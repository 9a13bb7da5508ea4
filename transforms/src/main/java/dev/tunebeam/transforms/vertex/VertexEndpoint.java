package dev.tunebeam.transforms.vertex;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.cloud.aiplatform.v1.JobServiceSettings;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import org.apache.beam.sdk.annotations.Internal;

/**
 * Where Vertex AI's JobService answers. By default the regional endpoint {@code
 * REGION-aiplatform.googleapis.com:443} with TLS and Application Default Credentials; an override
 * {@code host:port} keeps both, and {@code http://host:port} means a local emulator or test server:
 * plaintext and no credentials, so nothing asks Google for a token.
 */
@Internal
public record VertexEndpoint(String hostPort, boolean plaintext) implements JobServiceConnector {
  private static final long serialVersionUID = 1L;
  private static final String PLAINTEXT_SCHEME = "http://";

  public VertexEndpoint {
    if (hostPort == null || !hostPort.matches("[A-Za-z0-9._\\-\\[\\]:]+:\\d{1,5}")) {
      throw new IllegalArgumentException(
          "Vertex AI endpoint "
              + hostPort
              + " is not host:port; allowed: REGION-aiplatform.googleapis.com:443, "
              + "another host:port (TLS), or http://127.0.0.1:PORT for an emulator");
    }
  }

  public static VertexEndpoint regional(String region) {
    return new VertexEndpoint(
        CloudNames.region("region", region) + "-aiplatform.googleapis.com:443", false);
  }

  /**
   * The regional endpoint when {@code override} is blank, else the override ({@code http://} =
   * plaintext).
   */
  public static VertexEndpoint resolve(String region, String override) {
    if (override == null || override.isBlank()) {
      return regional(region);
    }
    String o = override.trim();
    if (o.contains("@")) {
      // Never echo it: the part before '@' is a user and password.
      throw new IllegalArgumentException(
          "Vertex AI endpoint override holds user:password@; remove them: an endpoint is host:port or "
              + "http://127.0.0.1:PORT, and Vertex AI calls use Application Default Credentials");
    }
    if (o.startsWith(PLAINTEXT_SCHEME)) {
      return new VertexEndpoint(stripSlash(o.substring(PLAINTEXT_SCHEME.length())), true);
    }
    if (o.startsWith("https://")) {
      o = o.substring("https://".length());
    }
    return new VertexEndpoint(stripSlash(o), false);
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  @Override
  @SuppressWarnings(
      "rawtypes") // gax declares the channel configurator on the raw ManagedChannelBuilder
  public JobServiceSettings settings() throws IOException {
    JobServiceSettings.Builder b = JobServiceSettings.newBuilder().setEndpoint(hostPort);
    if (plaintext) {
      b.setCredentialsProvider(NoCredentialsProvider.create())
          .setTransportChannelProvider(
              InstantiatingGrpcChannelProvider.newBuilder()
                  .setEndpoint(hostPort)
                  .setChannelConfigurator(ManagedChannelBuilder::usePlaintext)
                  .build());
    }
    return b.build();
  }

  @Override
  public String toString() {
    return plaintext ? PLAINTEXT_SCHEME + hostPort : hostPort;
  }
}
