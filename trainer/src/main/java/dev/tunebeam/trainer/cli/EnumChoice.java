package dev.tunebeam.trainer.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one parser for every enum a flag or a field names (activation, optimizer, pooling, init,
 * normalize, device, backend, algorithm): a value is a constant's lower-case name, in any case,
 * and the "allowed:" list of an error is built from the constants, so it cannot go stale.
 */
public final class EnumChoice {
  private EnumChoice() {}

  /** The value a constant is written as: its name in lower case. */
  public static String key(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  /** Every constant's key, comma-separated, in declaration order. */
  public static String allowed(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(EnumChoice::key).collect(Collectors.joining(", "));
  }

  /**
   * The constant {@code value} names; otherwise an IllegalArgumentException "FIELD VALUE
   * PROBLEM; allowed: ...", where {@code problem} says what the value is not (e.g. "is not supported").
   */
  public static <E extends Enum<E>> E parse(Class<E> type, String field, String value, String problem) {
    String wanted = value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    for (E constant : type.getEnumConstants()) {
      if (key(constant).equals(wanted)) {
        return constant;
      }
    }
    throw new IllegalArgumentException(field + " " + value + " " + problem + "; allowed: " + allowed(type));
  }
}
