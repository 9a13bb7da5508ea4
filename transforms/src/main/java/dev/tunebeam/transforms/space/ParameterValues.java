package dev.tunebeam.transforms.space;

import java.math.BigDecimal;
import java.math.MathContext;
import org.apache.beam.sdk.annotations.Internal;

/**
 * The canonical text of a parameter value, used in trial ids, trainer flags and result tables:
 * integers without a decimal point, other numbers in plain form rounded to 12 significant digits.
 */
@Internal
public final class ParameterValues {
  private ParameterValues() {}

  public static String canonical(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    // 12 significant digits: a log grid's 0.0010000000000000002 is the 0.001 the user meant.
    return new BigDecimal(value).round(new MathContext(12)).stripTrailingZeros().toPlainString();
  }
}
