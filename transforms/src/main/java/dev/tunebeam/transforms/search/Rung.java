package dev.tunebeam.transforms.search;

import java.io.Serializable;
import org.apache.beam.sdk.annotations.Internal;

/**
 * One stage of a schedule: {@code trials} trials trained up to {@code epochs} epochs. A halving
 * rung continues its trials from the previous rung ({@code fromEpochs}); a TPE round starts fresh
 * ({@code fromEpochs} 0).
 */
@Internal
public record Rung(int bracket, int index, int epochs, int fromEpochs, int trials)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Epochs this rung trains, summed over its trials, when trials continue from their checkpoints.
   */
  public long modelEpochs() {
    return (long) trials * (epochs - fromEpochs);
  }

  /** A name unique in the pipeline, for the rung's transforms. */
  public String name() {
    return "Bracket" + bracket + "Rung" + index;
  }
}
