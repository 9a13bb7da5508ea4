package dev.tunebeam.transforms.local;

import java.io.Serializable;

/**
 * The planner's cost model, in model-images (one model trained on one image): how fast {@code k}
 * fused models train relative to one alone, what a fresh worker costs before it trains at full
 * speed, and how much faster one worker trains when it has every core. {@link #DEFAULT} is the
 * model the planner has always used (fusion measured 1.14x three wide on the 2-core development
 * machine, no start-up cost, no wide workers); {@link FusionMeasurement} builds a measured one,
 * which never widens: one model with two threads measured 1.3x to 1.6x faster alone, but 2.5x to 3x
 * slower as the last group of a study on the DirectRunner, whose driver loop polls on any free
 * core, and PyTorch's OpenMP threads spin at every barrier when one of them is descheduled. Give a
 * {@code wideSpeedup} only where it was measured in place.
 *
 * @param fusedSpeed3 speed of one model trained three wide, relative to alone (1.0: no change)
 * @param launchWork a worker's start and first-steps warm-up, as the model-images it could have
 *     trained meanwhile
 * @param wideSpeedup speed of one model with every core's thread against one worker's threads (1.0:
 *     never widen)
 */
public record FusionCosts(double fusedSpeed3, double launchWork, double wideSpeedup)
    implements Serializable {
  public static final FusionCosts DEFAULT = new FusionCosts(1.14, 0, 1.0);

  public FusionCosts {
    if (!(fusedSpeed3 > 0) || !(wideSpeedup > 0) || launchWork < 0 || Double.isNaN(launchWork)) {
      throw new IllegalArgumentException(
          "fusion costs must be positive: fusedSpeed3 "
              + fusedSpeed3
              + ", launchWork "
              + launchWork
              + ", wideSpeedup "
              + wideSpeedup);
    }
  }

  /**
   * Relative speed of one model trained {@code k} wide. The default keeps the measured curve (1.28x
   * at five wide, no gain past that); a measured ratio at three wide is carried to other widths
   * geometrically, so a ratio below 1 makes wider groups ever slower, as they were here.
   */
  double speed(int k) {
    if (k <= 1) {
      return 1.0;
    }
    if (equals(DEFAULT)) {
      return 1.0 + 0.28 * Math.min(k - 1, 4) / 4.0;
    }
    return Math.pow(fusedSpeed3, (k - 1) / 2.0);
  }

  /** Whether a worker with every core can beat the narrow workers on the last groups. */
  boolean widens() {
    return wideSpeedup > 1.0;
  }
}
