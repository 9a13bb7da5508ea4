package dev.tunebeam.trainer.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one parser for every enum a flag or a field names (activation, optimizer, pooling, init,
 * normalize, device, backend, algorithm, early stopping, measurement): a value is a constant's name
 * in lower case with '-' for '_' ({@code DECAY_CURVE} is {@code decay-curve}), in any case, and the
 * "allowed:" list of an error is built from the constants, so it cannot go stale.
 */
public final class EnumChoice {
  private EnumChoice() {}

  /** The value a constant is written as. */
  public static String key(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Every constant's key, comma-separated, in declaration order. */
  public static String allowed(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(EnumChoice::key)
        .collect(Collectors.joining(", "));
  }

  /** The constant {@code value} names, if any. */
  public static <E extends Enum<E>> Optional<E> find(Class<E> type, String value) {
    String wanted = value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(type.getEnumConstants()).filter(c -> key(c).equals(wanted)).findFirst();
  }

  /** What is wrong with a value that names no constant: "PROBLEM; allowed: ...". */
  public static String refusal(Class<? extends Enum<?>> type, String problem) {
    return problem + "; allowed: " + allowed(type);
  }

  /**
   * The constant {@code value} names; otherwise an IllegalArgumentException "FIELD VALUE PROBLEM;
   * allowed: ...", where {@code problem} says what the value is not (e.g. "is not supported").
   */
  public static <E extends Enum<E>> E parse(
      Class<E> type, String field, String value, String problem) {
    return find(type, value)
        .orElseThrow(
            () -> new IllegalArgumentException(field + " " + value + " " + refusal(type, problem)));
  }
}
