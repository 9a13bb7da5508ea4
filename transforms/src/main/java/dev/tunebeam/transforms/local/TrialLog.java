package dev.tunebeam.transforms.local;

import dev.tunebeam.trainer.report.Secrets;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * A worker's whole output, credentials removed, kept in a temporary file while it runs and then
 * saved into its trial folders, so that a FAILED row's error cell can be one sentence and the rest
 * is one file away. Bounded: past {@link #MAX_BYTES} only a note of what was dropped.
 */
final class TrialLog implements Consumer<String>, AutoCloseable {
  static final String FILE_NAME = "trainer.log";
  static final long MAX_BYTES = 16L << 20;
  private static final int TAIL = 20;

  private final Path file;
  private final BufferedWriter out;
  private final Deque<String> tail = new ArrayDeque<>();
  private long bytes;
  private long dropped;

  TrialLog() throws IOException {
    file = TrialTempFiles.log();
    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void accept(String line) {
    String clean = Secrets.redact(line);
    tail.addLast(clean);
    if (tail.size() > TAIL) {
      tail.removeFirst();
    }
    // Lines are bounded too (BoundedLines), so the log never passes MAX_BYTES, even when a
    // trainer prints one endless line.
    long size = clean.getBytes(StandardCharsets.UTF_8).length + 1;
    if (dropped > 0 || bytes + size > MAX_BYTES) {
      dropped++;
      return;
    }
    try {
      out.write(clean);
      out.newLine();
      bytes += size;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the trainer's log " + file, e);
    }
  }

  /**
   * The last non-blank line, with the {@code error: } prefix a trainer may print dropped; null if
   * there was none.
   */
  synchronized String lastLine() {
    List<String> lines = List.copyOf(tail);
    for (int i = lines.size() - 1; i >= 0; i--) {
      String l = lines.get(i).strip();
      if (!l.isEmpty()) {
        l = l.startsWith("error: ") ? l.substring("error: ".length()) : l;
        return l.length() > 300 ? l.substring(0, 300) + "..." : l;
      }
    }
    return null;
  }

  /** Copies the log to {@code <trialDirectory>/trainer.log} (local or gs://). */
  synchronized void saveTo(String trialDirectory) throws IOException {
    out.flush();
    if (dropped > 0) {
      out.write(
          "[tunebeam: "
              + dropped
              + " more lines not kept; the log is bounded at "
              + (MAX_BYTES >> 20)
              + " MiB]");
      out.newLine();
      out.flush();
      dropped = 0;
    }
    String target = TrialArtifacts.join(trialDirectory, FILE_NAME);
    try (OutputStream to =
        Channels.newOutputStream(
            FileSystems.create(FileSystems.matchNewResource(target, false), MimeTypes.TEXT))) {
      Files.copy(file, to);
    }
  }

  static String location(String trialDirectory) {
    return TrialArtifacts.join(trialDirectory, FILE_NAME);
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      out.close();
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
