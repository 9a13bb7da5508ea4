package dev.tunebeam.trainer.train;

import dev.tunebeam.trainer.report.EpochRecord;

/** Hears about a training as it runs; the CLI prints, a pipeline logs and counts. */
public interface ProgressListener {
  ProgressListener NONE = new ProgressListener() {};

  /** Called once per model of the group, before the first batch. */
  default void started(int member, TrainingConfig config, String device) {}

  /** Called once per model and epoch, after the epoch's test evaluation. */
  default void epochFinished(int member, TrainingConfig config, EpochRecord metrics) {}

  /** When true, {@link #checkpoint} receives every model's weights after each epoch. */
  default boolean wantsCheckpoints() {
    return false;
  }

  /**
   * A model's whole training state after an epoch, enough to continue from it ({@link
   * FusedTrainer#train(java.util.List, java.util.List)}).
   */
  default void checkpoint(int member, TrainingCheckpoint checkpoint) {}
}
