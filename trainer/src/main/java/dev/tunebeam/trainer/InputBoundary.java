package dev.tunebeam.trainer;

import dev.tunebeam.trainer.cli.UsageException;
import java.io.IOException;

/**
 * A training job's steps at the input boundary (flags, folders, data files): an
 * IllegalArgumentException thrown there is the user's input, so it becomes a {@link UsageException}
 * (exit 2); anything else stays what it is.
 */
final class InputBoundary {
  private InputBoundary() {}

  /** A step that reads what the user named, and may read files. */
  @FunctionalInterface
  interface Step<T> {
    T run() throws IOException;
  }

  /** A check that returns nothing. */
  @FunctionalInterface
  interface Check {
    void run() throws IOException;
  }

  static <T> T read(Step<T> step) throws IOException {
    try {
      return step.run();
    } catch (UsageException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  static void check(Check check) throws IOException {
    read(
        () -> {
          check.run();
          return null;
        });
  }
}
