package dev.tunebeam.transforms.search.gp;

/**
 * The best point an optimiser evaluated (largest value), whatever the optimiser returns or throws:
 * commons-math's optimisers throw when they run out of evaluations and do not say what they had.
 */
final class BestSeen {
  private double[] point;
  private double value = Double.NEGATIVE_INFINITY;

  /** Records {@code v} at {@code p} and returns {@code v}, so it can wrap an objective. */
  double offer(double[] p, double v) {
    if (v > value) {
      value = v;
      point = p.clone();
    }
    return v;
  }

  double[] point() {
    return point;
  }

  double value() {
    return value;
  }
}
