package dev.tunebeam.transforms.space;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Grid points and random draws over a numeric range, linear or logarithmic. */
final class Ranges {
  private Ranges() {}

  static List<Double> points(double min, double max, Scale scale, Integer steps) {
    int n = steps == null ? 0 : steps;
    List<Double> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double t = n == 1 ? 0 : (double) i / (n - 1);
      out.add(
          scale == Scale.LOG
              ? Math.exp(Math.log(min) + t * (Math.log(max) - Math.log(min)))
              : min + t * (max - min));
    }
    // Float error must not push the ends outside the declared range.
    if (n > 1) {
      out.set(0, min);
      out.set(n - 1, max);
    }
    return out;
  }

  static double draw(double min, double max, Scale scale, Random random) {
    double u = random.nextDouble();
    if (scale == Scale.LOG && min > 0) {
      return Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min)));
    }
    return min + u * (max - min);
  }
}
