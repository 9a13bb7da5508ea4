package dev.tunebeam.transforms.dispatch;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a trial runs: a name that the leaderboard's backend column shows and a {@link BackendRule}
 * routes by. {@link #LOCAL} and {@link #VERTEX} are built in; a new place to run trials is named
 * with {@link #of}, given to the rule that may send trials to it ({@link BackendRule#parse(String,
 * Backend...)}) and run by its {@code exec.TrialExecutor} ({@code RunTrials.with}). One instance
 * per name, so {@code ==} compares backends, also after deserialization.
 */
public final class Backend implements Serializable {
  private static final long serialVersionUID = 2L;
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,39}");
  private static final Map<String, Backend> KNOWN = new LinkedHashMap<>();

  public static final Backend LOCAL = of("local");
  public static final Backend VERTEX = of("vertex");

  private final String key;
  private final int index;

  private Backend(String key, int index) {
    this.key = key;
    this.index = index;
  }

  /**
   * The backend named {@code key} (lower-case letters, digits, '-' and '_', starting with a
   * letter).
   */
  public static Backend of(String key) {
    if (key == null || !NAME.matcher(key).matches()) {
      throw new IllegalArgumentException(
          "backend name '"
              + key
              + "' is not allowed; use up to 40 lower-case letters, digits, '-' and '_', starting"
              + " with a letter");
    }
    synchronized (KNOWN) {
      return KNOWN.computeIfAbsent(key, k -> new Backend(k, KNOWN.size()));
    }
  }

  public String key() {
    return key;
  }

  /** Its place among the known backends: {@link RouteTrials}' partition. */
  int index() {
    return index;
  }

  /** The backends named in this JVM, in the order they were first named. */
  public static List<Backend> values() {
    synchronized (KNOWN) {
      return List.copyOf(new ArrayList<>(KNOWN.values()));
    }
  }

  /**
   * The backend among {@code allowed} that {@code value} names (any case); {@code field} names the
   * flag or rule in the message.
   */
  public static Backend parse(String field, String value, List<Backend> allowed) {
    String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    for (Backend b : allowed) {
      if (b.key.equals(wanted)) {
        return b;
      }
    }
    throw new IllegalArgumentException(
        field + " " + value + " is not a backend; allowed: " + allowed(allowed));
  }

  /** {@link #LOCAL} or {@link #VERTEX}. */
  public static Backend parse(String field, String value) {
    return parse(field, value, List.of(LOCAL, VERTEX));
  }

  static String allowed(List<Backend> allowed) {
    return String.join(", ", allowed.stream().map(Backend::key).toList());
  }

  private Object readResolve() {
    return of(key);
  }

  @Override
  public String toString() {
    return key;
  }
}
