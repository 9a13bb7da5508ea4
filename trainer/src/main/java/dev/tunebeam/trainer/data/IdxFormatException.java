package dev.tunebeam.trainer.data;

/** A Fashion-MNIST IDX file that cannot be used: the message names the file and what is wrong. */
public final class IdxFormatException extends IllegalArgumentException {
  public IdxFormatException(String file, String problem) {
    super("data file " + file + ": " + problem);
  }
}
