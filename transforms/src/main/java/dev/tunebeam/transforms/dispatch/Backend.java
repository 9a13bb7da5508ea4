package dev.tunebeam.transforms.dispatch;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a trial runs; the key is what the leaderboard's backend column shows. */
public enum Backend {
  LOCAL,
  VERTEX;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code field} names the flag or rule in the message. */
  public static Backend parse(String field, String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    for (Backend b : values()) {
      if (b.key().equals(v)) {
        return b;
      }
    }
    throw new IllegalArgumentException(field + " " + value + " is not a backend; allowed: " + allowed());
  }

  static String allowed() {
    return Arrays.stream(values()).map(Backend::key).collect(Collectors.joining(", "));
  }
}
