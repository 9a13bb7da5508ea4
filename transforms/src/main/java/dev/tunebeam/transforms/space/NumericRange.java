package dev.tunebeam.transforms.space;

import org.apache.beam.sdk.annotations.Internal;

/**
 * A range parameter seen as numbers, for a sampler that models its values on a line (TPE's Parzen
 * estimators): the interval {@code [low, high]} values are drawn from (an integer range widened by
 * half a step at each end, so its ends are as likely as its middle), and the parameter's value for
 * a drawn number.
 */
@Internal
public record NumericRange(
    double low, double high, Scale scale, boolean integer, long min, long max) {
  static NumericRange of(ParameterSpec.IntegerRange r) {
    return new NumericRange(r.min() - 0.5, r.max() + 0.5, r.scale(), true, r.min(), r.max());
  }

  static NumericRange of(ParameterSpec.DoubleRange r) {
    return new NumericRange(r.min(), r.max(), r.scale(), false, 0, 0);
  }

  /** The canonical value for {@code x}: for an integer range the nearest whole number inside it. */
  public String value(double x) {
    return integer
        ? Long.toString(Math.max(min, Math.min(max, Math.round(x))))
        : ParameterValues.canonical(x);
  }
}
