package dev.tunebeam.transforms.vertex;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link FakeJobService} on {@code 127.0.0.1:0} plus the in-memory bucket its jobs write to;
 * {@link #submit()} gives a {@link SubmitToVertex} wired to both with fast polling. Counts every
 * RPC that reaches the server, so a test can prove that nothing was called.
 */
public final class FakeVertex implements AutoCloseable {
  public static final String PROJECT = "test-project";
  public static final String REGION = "us-central1";
  public static final String IMAGE =
      "us-central1-docker.pkg.dev/test-project/tunebeam/trainer:test";
  public static final String OUTPUT = "gs://test-bucket/tunebeam";

  private final Server server;
  private final FakeJobService jobs;
  private final FakeMetadataService metadata = new FakeMetadataService();
  private final FakeTensorboardService tensorboards = new FakeTensorboardService();
  private final FakeModelService models = new FakeModelService();
  private final TestStorage storage;
  private final AtomicInteger rpcs = new AtomicInteger();

  private FakeVertex() {
    storage = TestStorage.fresh();
    jobs = new FakeJobService(storage);
    ServerInterceptor counter =
        new ServerInterceptor() {
          @Override
          public <Q, A> ServerCall.Listener<Q> interceptCall(
              ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
            rpcs.incrementAndGet();
            return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(
                next.startCall(call, headers)) {};
          }
        };
    try {
      server =
          NettyServerBuilder.forAddress(
                  new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))
              .addService(ServerInterceptors.intercept(jobs, counter))
              .addService(ServerInterceptors.intercept(metadata, counter))
              .addService(ServerInterceptors.intercept(tensorboards, counter))
              .addService(ServerInterceptors.intercept(models, counter))
              .build()
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static FakeVertex start() {
    return new FakeVertex();
  }

  public FakeJobService jobs() {
    return jobs;
  }

  public FakeMetadataService metadata() {
    return metadata;
  }

  public FakeTensorboardService tensorboards() {
    return tensorboards;
  }

  public FakeModelService models() {
    return models;
  }

  public TestStorage storage() {
    return storage;
  }

  /** {@code http://127.0.0.1:PORT}: plaintext, no credentials. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getPort();
  }

  public int rpcs() {
    return rpcs.get();
  }

  /** Talks to this fake, polls every few milliseconds and retries fast. */
  public SubmitToVertex submit() {
    return SubmitToVertex.to(PROJECT, REGION)
        .withEndpoint(endpoint())
        .withStorage(storage)
        .withContainerUri(IMAGE)
        .withOutputPrefix(OUTPUT)
        .withPolling(Duration.ofMillis(5), Duration.ofMillis(40))
        .withRetries(4, Duration.ofMillis(5), Duration.ofMillis(20));
  }

  @Override
  public void close() {
    try {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    storage.release();
  }
}
