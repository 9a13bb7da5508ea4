package dev.tunebeam.pipeline.preflight;

import com.google.auth.Credentials;
import com.google.cloud.storage.Storage;
import dev.tunebeam.pipeline.SearchOptions;
import dev.tunebeam.pipeline.plan.DataflowDryRun;
import dev.tunebeam.pipeline.study.Backends;
import dev.tunebeam.trainer.cloud.GcpCredentials;
import dev.tunebeam.trainer.cloud.GcsPreflight;
import dev.tunebeam.transforms.dispatch.Backend;
import dev.tunebeam.transforms.dispatch.BackendRule;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.vertex.VertexEndpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Google Cloud access, checked once before anything trains or is written: credentials for any gs://
 * path or Vertex AI call, then each gs:// location (readable, or writable for outputs) and the
 * Vertex endpoint's reachability. Each check is bounded ({@link #DEADLINE_SECONDS} in all), so a
 * user who forgot {@code gcloud auth application-default login} learns it in seconds.
 */
public final class CloudPreflight {
  static final int DEADLINE_SECONDS = 12;
  static final int CONNECT_MILLIS = 5_000;

  /** Makes the fast-failing Storage client from credentials (tests pass an in-memory one). */
  private final Function<Credentials, Storage> storageFactory;

  private final boolean needsCredentials;
  private Credentials credentials;
  private GcsPreflight gcs;
  private Storage storage;

  CloudPreflight(Function<Credentials, Storage> storageFactory, boolean needsCredentials) {
    this.storageFactory = storageFactory;
    this.needsCredentials = needsCredentials;
  }

  public static CloudPreflight standard() {
    return new CloudPreflight(GcsPreflight::fastFailingClient, true);
  }

  /**
   * Before the options are even parsed (Beam's parsing takes seconds on a loaded machine): any
   * gs:// value among the arguments needs credentials, so a user without them learns it at once. A
   * Dataflow template dry run names gs:// staging folders it never touches, and is left alone.
   */
  public void checkCredentialsEarly(String[] args) {
    boolean gs = false;
    for (String a : args) {
      if (a.startsWith("--dataflowDryRun")) {
        return;
      }
      gs |= pathFlag(a);
    }
    if (gs && needsCredentials) {
      String first =
          java.util.Arrays.stream(args).filter(CloudPreflight::pathFlag).findFirst().orElseThrow();
      bounded(
          () -> {
            credentials(first.replaceFirst("=", " "));
            return null;
          });
    }
  }

  /** A path option with a gs:// value; other flags are validated (and their errors shown) first. */
  private static boolean pathFlag(String arg) {
    return java.util.List.of(
            "--output=gs://", "--searchSpace=gs://", "--dataDir=gs://", "--vertexOutput=gs://")
        .stream()
        .anyMatch(arg::startsWith);
  }

  /** Before the search space is read: a gs:// space file must be readable. */
  public void checkSpaceFile(SearchOptions o) {
    if (skipped(o)) {
      return;
    }
    bounded(
        () -> {
          if (gs(o.getSearchSpace())) {
            gcs("--searchSpace " + o.getSearchSpace())
                .readable("--searchSpace", o.getSearchSpace());
          }
          return null;
        });
  }

  /** Every other place the run reads, writes or calls. */
  public void checkRun(SearchOptions o, SearchSpace space, BackendRule rule) {
    if (skipped(o)) {
      return;
    }
    bounded(
        () -> {
          boolean vertex = rule.targets().contains(Backend.VERTEX);
          if (gs(o.getDataDir())) {
            gcs("--dataDir " + o.getDataDir()).readable("--dataDir", o.getDataDir());
          }
          if (!o.getDryRun() && gs(o.getOutput())) {
            gcs("--output " + o.getOutput()).writable("--output", o.getOutput());
          }
          if (vertex && !o.getDryRun()) {
            VertexEndpoint endpoint =
                VertexEndpoint.resolve(Backends.region(o), o.getVertexEndpoint());
            if (!endpoint.plaintext()) {
              credentials("Vertex AI (" + endpoint + ")");
            }
            reachable(endpoint, o.getVertexEndpoint().isBlank() ? "--region" : "--vertexEndpoint");
            String prefix = Backends.vertexOutput(o, Backends.region(o));
            gcs("Vertex AI jobs writing to " + prefix)
                .writable(o.getVertexOutput().isBlank() ? "--bucket" : "--vertexOutput", prefix);
          }
          return null;
        });
  }

  /** A Dataflow template dry run calls nothing; it is checked by Beam's own option validation. */
  private static boolean skipped(SearchOptions o) {
    return DataflowDryRun.requested(o);
  }

  /** The checked Storage client, for the output lock on gs://. */
  public Storage storage(String needs) {
    gcs(needs);
    return storage;
  }

  private GcsPreflight gcs(String needs) {
    if (gcs == null) {
      storage = storageFactory.apply(credentials(needs));
      gcs = new GcsPreflight(storage);
    }
    return gcs;
  }

  private Credentials credentials(String needs) {
    if (credentials == null && needsCredentials) {
      credentials = GcpCredentials.find(needs, System.getenv());
    }
    return credentials;
  }

  public static void reachable(VertexEndpoint endpoint, String flag) {
    int colon = endpoint.hostPort().lastIndexOf(':');
    String host = endpoint.hostPort().substring(0, colon);
    int port = Integer.parseInt(endpoint.hostPort().substring(colon + 1));
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), CONNECT_MILLIS);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Vertex AI endpoint "
              + endpoint
              + " ("
              + flag
              + ") cannot be reached ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + "); check the network"
              + (endpoint.plaintext() ? ", or start the emulator" : " and the region"));
    }
  }

  private static boolean gs(String location) {
    return location != null && location.trim().startsWith("gs://");
  }

  /**
   * Runs a check with the whole preflight's deadline: a network that drops packets must not hold
   * the run for minutes.
   */
  public static void bounded(java.util.concurrent.Callable<Void> check) {
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "tunebeam-cloud-preflight");
              t.setDaemon(true);
              return t;
            });
    try {
      executor.submit(check).get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalArgumentException(
          "Google Cloud did not answer within "
              + DEADLINE_SECONDS
              + " s while checking credentials and gs:// paths; check the network, proxy or firewall");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IllegalArgumentException iae) {
        throw iae;
      }
      throw new IllegalArgumentException("checking Google Cloud access failed: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalArgumentException("interrupted while checking Google Cloud access");
    } finally {
      executor.shutdownNow();
    }
  }
}
