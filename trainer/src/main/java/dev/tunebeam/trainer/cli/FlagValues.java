package dev.tunebeam.trainer.cli;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How a flag's text becomes a number or a switch. A converter's message is what is wrong with the
 * value ("is not an integer"); {@link FlagParser} puts the flag and the value in front of it.
 */
final class FlagValues {
  private FlagValues() {}

  /**
   * A whole number, also written as a decimal ({@code 128.0}): Vertex AI hands a tuning job's
   * discrete values to the container as doubles.
   */
  static ITypeConverter<Long> whole(long min, long max) {
    return text -> {
      BigDecimal d;
      try {
        d = new BigDecimal(text.trim());
      } catch (NumberFormatException e) {
        throw new TypeConversionException("is not an integer");
      }
      if (d.stripTrailingZeros().scale() > 0) {
        throw new TypeConversionException("is not an integer");
      }
      if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
        throw new TypeConversionException(
            "is out of range; allowed: whole numbers from " + min + " to " + max);
      }
      return d.longValueExact();
    };
  }

  static ITypeConverter<Integer> integer() {
    ITypeConverter<Long> whole = whole(Integer.MIN_VALUE, Integer.MAX_VALUE);
    return text -> Math.toIntExact(whole.convert(text));
  }

  static ITypeConverter<Float> decimal() {
    return number(Float::parseFloat);
  }

  static ITypeConverter<Double> doubleValue() {
    return number(Double::parseDouble);
  }

  private static <N> ITypeConverter<N> number(Function<String, N> parse) {
    return text -> {
      try {
        return parse.apply(text.trim());
      } catch (NumberFormatException e) {
        throw new TypeConversionException("is not a number");
      }
    };
  }

  /**
   * A switch: bare it means true; {@code --name=false} turns it off, as the reference launcher's
   * scripts write it.
   */
  static ITypeConverter<Boolean> bool() {
    return text ->
        switch (text.trim().toLowerCase(Locale.ROOT)) {
          case "true", "1", "yes" -> true;
          case "false", "0", "no" -> false;
          default -> throw new TypeConversionException("is not true or false");
        };
  }

  static <E extends Enum<E>> ITypeConverter<E> choice(Class<E> type, String problem) {
    return text ->
        EnumChoice.find(type, text)
            .orElseThrow(() -> new TypeConversionException(EnumChoice.refusal(type, problem)));
  }
}
