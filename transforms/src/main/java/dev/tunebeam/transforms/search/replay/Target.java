package dev.tunebeam.transforms.search.replay;

import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Trial;
import org.apache.beam.sdk.annotations.Internal;

/**
 * What a replayed study is looking for: a trial within {@code tolerance} of {@code best}, the best
 * value the recording holds among the space's points (the winner's), in the objective's direction.
 */
@Internal
public record Target(Objective objective, double best, Trial winner, double tolerance) {
  public Target {
    if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException(
          "tolerance "
              + tolerance
              + " is not allowed; use 0 or a positive number in the objective's units");
    }
  }

  /**
   * The value a trial must reach: best minus the tolerance when maximising, plus when minimising.
   */
  public double threshold() {
    return objective.maximize() ? best - tolerance : best + tolerance;
  }

  /** Whether {@code value} is within the tolerance of the best (NaN never is). */
  public boolean reached(double value) {
    // Recorded values are sums of float32 counts; a hair of rounding must not hide an exact tie.
    double slack = 1e-12;
    return objective.maximize() ? value >= threshold() - slack : value <= threshold() + slack;
  }
}
