package dev.tunebeam.transforms.results;

import java.io.Serializable;

/** One epoch of a trial's history, as the trainer reported it. */
public record EpochResult(int epoch, double trainLoss, double trainAccuracy, double testAccuracy, double seconds)
    implements Serializable {
  private static final long serialVersionUID = 1L;
}
