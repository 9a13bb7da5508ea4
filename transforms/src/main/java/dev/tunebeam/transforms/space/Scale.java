package dev.tunebeam.transforms.space;

import java.util.Locale;

/**
 * How a numeric range is spread: evenly ({@code linear}) or evenly in the logarithm ({@code log}).
 */
public enum Scale {
  LINEAR,
  LOG;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
