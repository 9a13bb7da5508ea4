package dev.tunebeam.transforms.local;

import java.io.Serializable;
import org.apache.beam.sdk.annotations.Internal;

/**
 * The planner's cost model, in model-images (one model trained on one image): how fast {@code k}
 * fused models train relative to one alone, and what a fresh worker costs before it trains at full
 * speed. {@link #DEFAULT} is the model the planner has always used (fusion measured 1.14x three
 * wide on the 2-core development machine, no start-up cost); {@link FusionMeasurement} builds a
 * measured one. Every group trains on one worker: one model with two threads measured 1.3x to 1.6x
 * faster alone, but 2.5x to 3x slower as the last group of a study beside the DirectRunner, and
 * PyTorch's OpenMP threads spin at every barrier when one of them is descheduled, so the planner no
 * longer widens a group onto every core.
 *
 * @param fusedSpeed3 speed of one model trained three wide, relative to alone (1.0: no change)
 * @param launchWork a worker's start and first-steps warm-up, as the model-images it could have
 *     trained meanwhile
 */
@Internal
public record FusionCosts(double fusedSpeed3, double launchWork) implements Serializable {
  public static final FusionCosts DEFAULT = new FusionCosts(1.14, 0);

  public FusionCosts {
    if (!(fusedSpeed3 > 0) || launchWork < 0 || Double.isNaN(launchWork)) {
      throw new IllegalArgumentException(
          "fusion costs must be positive: fusedSpeed3 "
              + fusedSpeed3
              + ", launchWork "
              + launchWork);
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
}
