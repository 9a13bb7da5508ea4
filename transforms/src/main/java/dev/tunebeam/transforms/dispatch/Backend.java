package dev.tunebeam.transforms.dispatch;

import dev.tunebeam.trainer.cli.EnumChoice;
import java.util.Locale;

/** Where a trial runs; the key is what the leaderboard's backend column shows. */
public enum Backend {
  LOCAL,
  VERTEX;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code field} names the flag or rule in the message. */
  public static Backend parse(String field, String value) {
    return EnumChoice.parse(Backend.class, field, value, "is not a backend");
  }

  static String allowed() {
    return EnumChoice.allowed(Backend.class);
  }
}
