package dev.tunebeam.trainer.cloud;

import com.google.auth.Credentials;
import com.google.cloud.ServiceOptions;
import com.google.cloud.http.HttpTransportOptions;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.StorageOptions;
import dev.tunebeam.trainer.report.GcsPath;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks every gs:// location a run will use, once, before anything trains or is written: the
 * bucket exists, the account may read (or, for outputs, write), and Cloud Storage answers at all.
 * The client is built without retries and with short timeouts, so a wrong setup is one sentence
 * within seconds instead of a minute of retries per file.
 */
public final class GcsPreflight {
  static final int TIMEOUT_MILLIS = 5_000;

  private final Storage storage;
  private final Map<String, Boolean> checked = new LinkedHashMap<>();

  public GcsPreflight(Storage storage) {
    this.storage = storage;
  }

  /** A client that fails fast: no retries, 5 s to connect and to read. */
  public static Storage fastFailingClient(Credentials credentials) {
    return StorageOptions.newBuilder()
        .setCredentials(credentials)
        .setRetrySettings(ServiceOptions.getNoRetrySettings())
        .setTransportOptions(
            HttpTransportOptions.newBuilder()
                .setConnectTimeout(TIMEOUT_MILLIS)
                .setReadTimeout(TIMEOUT_MILLIS)
                .build())
        .build()
        .getService();
  }

  /** May be read: the bucket answers a one-item listing under the path. */
  public GcsPreflight readable(String flag, String location) {
    GcsPath path = parse(flag, location);
    if (checked.putIfAbsent(flag + " " + location, false) != null) {
      return this;
    }
    try {
      storage.list(
          path.bucket(),
          Storage.BlobListOption.prefix(path.object()),
          Storage.BlobListOption.pageSize(1));
    } catch (StorageException e) {
      throw new IllegalArgumentException(
          flag
              + " "
              + location
              + " cannot be read: "
              + explain(e, path, "roles/storage.objectViewer"));
    }
    return this;
  }

  /**
   * May be written: a marker object is created and deleted at once (the one call that proves both
   * bucket and permission).
   */
  public GcsPreflight writable(String flag, String location) {
    GcsPath path = parse(flag, location);
    if (Boolean.TRUE.equals(checked.put(flag + " " + location, true))) {
      return this;
    }
    BlobId marker = path.resolve(".tunebeam-write-check").blobId();
    try {
      storage.create(BlobInfo.newBuilder(marker).build(), new byte[0]);
      storage.delete(marker);
    } catch (StorageException e) {
      throw new IllegalArgumentException(
          flag
              + " "
              + location
              + " is not writable: "
              + explain(e, path, "roles/storage.objectAdmin"));
    }
    return this;
  }

  private static GcsPath parse(String flag, String location) {
    try {
      return GcsPath.parse(location);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(flag + " " + e.getMessage());
    }
  }

  static String explain(StorageException e, GcsPath path, String role) {
    if (causedBy(e, UnknownHostException.class)
        || causedBy(e, java.net.ConnectException.class)
        || causedBy(e, java.net.SocketTimeoutException.class)) {
      return "Cloud Storage cannot be reached ("
          + GcpCredentials.firstLine(e)
          + "); check the network, proxy or firewall";
    }
    return switch (e.getCode()) {
      case 404 ->
          "bucket "
              + path.bucket()
              + " does not exist; create it (in the region the jobs run in) or fix the name";
      case 401 ->
          "the credentials were refused; " + GcpCredentials.LOGIN.replace("run", "run again");
      case 403 ->
          "permission denied; grant the account that runs this "
              + role
              + " on bucket "
              + path.bucket();
      default -> GcpCredentials.firstLine(e);
    };
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }
}
