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
 * once with {@link #of} (and run by its {@code exec.TrialExecutor}, given to {@code
 * RunTrials.with}), after which rules may send trials to it. One instance per name, so {@code ==}
 * compares backends, also after deserialization.
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
   * letter), made known to rules the first time.
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

  /** The backends known in this JVM, in the order they were named. */
  public static List<Backend> values() {
    synchronized (KNOWN) {
      return List.copyOf(new ArrayList<>(KNOWN.values()));
    }
  }

  /** {@code field} names the flag or rule in the message. */
  public static Backend parse(String field, String value) {
    String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    synchronized (KNOWN) {
      Backend b = KNOWN.get(wanted);
      if (b == null) {
        throw new IllegalArgumentException(
            field + " " + value + " is not a backend; allowed: " + allowed());
      }
      return b;
    }
  }

  static String allowed() {
    return String.join(", ", values().stream().map(Backend::key).toList());
  }

  private Object readResolve() {
    return of(key);
  }

  @Override
  public String toString() {
    return key;
  }
}
