package dev.tunebeam.trainer.report;

import dev.tunebeam.trainer.train.TrainingCheckpoint;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Test access to the checkpoint codec: encode, then decode, as a resumed trainer reads it. */
public final class CheckpointCodecs {
  private CheckpointCodecs() {}

  public static TrainingCheckpoint roundTrip(TrainingCheckpoint c) {
    try {
      return CheckpointFile.decode(CheckpointFile.encode(c));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
