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

  /** A model's weights after {@code epoch}, flat in {@link dev.tunebeam.trainer.model.LeNetLayout} order. */
  default void checkpoint(int member, int epoch, float[] parameters) {}
}
