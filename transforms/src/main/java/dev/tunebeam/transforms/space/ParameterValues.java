package dev.tunebeam.transforms.space;

import java.math.BigDecimal;

/**
 * The canonical text of a parameter value, used in trial ids, trainer flags and result tables:
 * integers without a decimal point, other numbers in their shortest plain form.
 */
public final class ParameterValues {
  private ParameterValues() {}

  public static String canonical(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }
}
