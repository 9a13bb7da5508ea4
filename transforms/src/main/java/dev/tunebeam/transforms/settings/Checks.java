package dev.tunebeam.transforms.settings;

import dev.tunebeam.trainer.cli.EnumChoice;
import org.apache.beam.sdk.annotations.Internal;

/**
 * The checks the transforms' {@code withX} methods share; each throws an {@link
 * InvalidSettingException} that names the field, the value and what is allowed.
 */
@Internal
public final class Checks {
  private Checks() {}

  /**
   * {@code value} when it is at least {@code min}; {@code note} (may be empty) says what the bound
   * means.
   */
  public static int atLeast(String field, int value, int min, String note) {
    if (value < min) {
      throw new InvalidSettingException(
          field, value + " must be at least " + min + (note.isEmpty() ? "" : " (" + note + ")"));
    }
    return value;
  }

  /** {@code value} when it is 0 ({@code zeroMeans}) or positive. */
  public static int zeroOrPositive(String field, int value, String zeroMeans) {
    if (value < 0) {
      throw new InvalidSettingException(
          field, value + " must be 0 (" + zeroMeans + ") or positive");
    }
    return value;
  }

  /** {@code value} when it is neither null nor blank; {@code what} says what the field holds. */
  public static String present(String field, String value, String what) {
    if (value == null || value.isBlank()) {
      throw new InvalidSettingException(
          field, (value == null ? "is missing" : "is empty") + "; give " + what);
    }
    return value;
  }

  /**
   * The constant of {@code type} that {@code value} names (in any case), through the one enum
   * parser.
   */
  public static <E extends Enum<E>> E choice(Class<E> type, String field, String value) {
    try {
      return EnumChoice.parse(type, field, value, "is not supported");
    } catch (IllegalArgumentException e) {
      // EnumChoice's sentence starts with the field it was given.
      throw new InvalidSettingException(field, e.getMessage().substring(field.length() + 1));
    }
  }
}
