package dev.tunebeam.trainer.cli;

/** Bad input on the command line: printed as one sentence, exit code 2. */
public final class UsageException extends IllegalArgumentException {
  public static final int EXIT_CODE = 2;

  public UsageException(String message) {
    super(message);
  }
}
