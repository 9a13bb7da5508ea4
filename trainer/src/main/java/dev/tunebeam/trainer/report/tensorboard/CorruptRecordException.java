package dev.tunebeam.trainer.report.tensorboard;

import java.io.IOException;

/** A TFRecord whose length or data does not match its checksum, or that ends early. */
public final class CorruptRecordException extends IOException {
  private static final long serialVersionUID = 1L;

  public CorruptRecordException(String message) {
    super(message);
  }
}
