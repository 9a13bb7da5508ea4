package dev.tunebeam.transforms.results;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps a numeric domain onto pixels, linearly or by logarithm, and proposes tick values. A
 * domain of one value maps to the middle of the range.
 */
record Scale(double min, double max, double from, double to, boolean log) {
  static Scale linear(double min, double max, double from, double to) {
    return new Scale(min, max, from, to, false);
  }

  /** Logarithmic where every value is positive and they span at least two decades (learning rates). */
  static Scale fitting(List<Double> values, double from, double to) {
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
    return new Scale(min, max, from, to, min > 0 && max / min >= 100);
  }

  double at(double v) {
    double a = log ? Math.log10(min) : min;
    double b = log ? Math.log10(max) : max;
    double x = log ? Math.log10(v) : v;
    if (b == a) {
      return (from + to) / 2;
    }
    return from + (x - a) / (b - a) * (to - from);
  }

  /** About {@code count} round values inside the domain (1, 2 or 5 times a power of ten apart). */
  List<Double> ticks(int count) {
    List<Double> ticks = new ArrayList<>();
    if (max == min) {
      ticks.add(min);
      return ticks;
    }
    double raw = (max - min) / Math.max(1, count);
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    // d3's thresholds: round the step to the nearest of 1, 2, 5, 10 on a logarithmic scale.
    double error = raw / power;
    double step = power * (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1);
    for (double t = Math.ceil(min / step - 1e-9) * step; t <= max + step * 1e-9; t += step) {
      ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
    }
    return ticks;
  }

  /** The domain widened by a fraction of its span (or by {@code minimum} if it is a point), so marks don't sit on the frame. */
  static double[] padded(double min, double max, double fraction, double minimum) {
    double pad = max > min ? (max - min) * fraction : minimum;
    return new double[] {min - pad, max + pad};
  }
}
