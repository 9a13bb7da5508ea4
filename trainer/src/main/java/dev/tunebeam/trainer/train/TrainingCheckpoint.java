package dev.tunebeam.trainer.train;

import dev.tunebeam.trainer.report.EpochRecord;
import java.util.List;

/**
 * Everything a model's training needs to go on after {@code epoch} as if it had never stopped: its
 * weights, its optimizer's state (one array per state tensor, and the step count Adam's bias
 * correction needs), the shuffle generator's state and the history so far. {@code config} names the
 * configuration it was written for, without the epoch count, so a checkpoint is continued only by
 * the training it came from.
 */
public record TrainingCheckpoint(
    String config,
    int epoch,
    float[] parameters,
    List<float[]> optimizerState,
    int optimizerSteps,
    byte[] shuffleState,
    List<EpochRecord> history) {

  public TrainingCheckpoint {
    optimizerState = List.copyOf(optimizerState);
    history = List.copyOf(history);
  }

  /**
   * What must match for a checkpoint to continue a training: every field of the configuration
   * except the epoch count.
   */
  public static String configKey(TrainingConfig c) {
    return c.resumeKey();
  }
}
