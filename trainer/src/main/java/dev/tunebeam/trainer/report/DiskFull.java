package dev.tunebeam.trainer.report;

import java.nio.file.FileSystemException;
import java.util.Optional;

/**
 * One sentence for a write that failed because the disk is full (ENOSPC, "No space left on
 * device"), found anywhere in an exception's causes: a trainer, a worker or the leaderboard writer
 * wraps it several times ({@code UncheckedIOException}, Beam's {@code UserCodeException}), and the
 * fix is the same wherever it surfaced. Files are written under a temporary name and renamed, so
 * what was written before stays readable.
 */
public final class DiskFull {
  static final String ENOSPC = "No space left on device";

  private DiskFull() {}

  /** The sentence when {@code failure} or one of its causes is a full disk; empty otherwise. */
  public static Optional<String> sentence(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains(ENOSPC)) {
        String file =
            t instanceof FileSystemException fs && fs.getFile() != null
                ? " while writing " + fs.getFile()
                : "";
        return Optional.of(
            "the disk is full ("
                + ENOSPC
                + file
                + "); free space on it or choose an --output on"
                + " another disk, then run again: files written earlier are intact and finished"
                + " trials are kept");
      }
    }
    return Optional.empty();
  }
}
