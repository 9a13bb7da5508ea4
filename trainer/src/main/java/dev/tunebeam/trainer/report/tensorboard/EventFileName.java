package dev.tunebeam.trainer.report.tensorboard;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * {@code events.out.tfevents.<seconds>.<host>}: TensorBoard only reads files whose name contains
 * {@code tfevents}, and orders a run's files by name, hence TensorFlow's zero-padded seconds.
 */
public final class EventFileName {
  public static final String PREFIX = "events.out.tfevents.";

  private EventFileName() {}

  public static String of(Instant created, String host) {
    return String.format(Locale.ROOT, "%s%010d.%s", PREFIX, created.getEpochSecond(), safe(host));
  }

  /**
   * The machine's name as TensorFlow would write it; {@code HOSTNAME} first, since a lookup can be
   * slow.
   */
  public static String localHost(Map<String, String> env) {
    String host = env.get("HOSTNAME");
    if (host == null || host.isBlank()) {
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        host = "localhost";
      }
    }
    return host;
  }

  /** A host name must not make the file name a path or hide it from a glob. */
  private static String safe(String host) {
    String s = host == null ? "" : host.replaceAll("[^A-Za-z0-9._-]", "_");
    return s.isEmpty() ? "localhost" : s;
  }
}
