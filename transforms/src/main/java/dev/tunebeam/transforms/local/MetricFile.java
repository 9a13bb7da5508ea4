package dev.tunebeam.transforms.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a contract trainer's metric file ({@code CLOUD_ML_HP_METRIC_FILE}) with bounds, since the
 * trainer chose what is there: only a regular file is opened (opening a FIFO waits for a writer
 * that may never come, and blocked the main job; {@code /dev/zero} never ends), and at most {@link
 * #MAX_BYTES} are read ({@code cloudml-hypertune} keeps the last 100 reports, a few KiB). A file
 * that breaks either rule is refused with one sentence, the FAILED row's reason.
 */
final class MetricFile {
  static final long MAX_BYTES = 32L << 20;
  private static final String NAME = "CLOUD_ML_HP_METRIC_FILE";
  private static final String ONCE =
      "report once per epoch, as cloudml-hypertune does (it keeps the last 100 reports)";

  /** What a read found: the text, or why the file was refused (exactly one is present). */
  record Read(Optional<String> text, Optional<String> refusal, FileTime modified, long size) {}

  private MetricFile() {}

  /** The file's text; empty text when there is no file yet. */
  static Read read(Path file) throws IOException {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return new Read(Optional.of(""), Optional.empty(), null, 0);
    }
    if (!a.isRegularFile()) {
      return refused(
          file,
          a,
          "is " + kind(file, a) + ", not a regular file",
          "write the reports to a regular file there, as cloudml-hypertune does");
    }
    if (a.size() > MAX_BYTES) {
      return refused(file, a, "holds " + mib(a.size()) + ", more than " + mib(MAX_BYTES), ONCE);
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes((int) MAX_BYTES + 1);
    }
    if (bytes.length > MAX_BYTES) {
      return refused(file, a, "grew past " + mib(MAX_BYTES) + " while it was read", ONCE);
    }
    return new Read(
        Optional.of(new String(bytes, StandardCharsets.UTF_8)),
        Optional.empty(),
        a.lastModifiedTime(),
        a.size());
  }

  private static Read refused(Path file, BasicFileAttributes a, String what, String fix) {
    return new Read(
        Optional.empty(),
        Optional.of("the trainer's metric file " + NAME + " (" + file + ") " + what + "; " + fix),
        a.lastModifiedTime(),
        a.size());
  }

  /** {@code a FIFO}, {@code a character device (a link to /dev/zero)}, ... */
  private static String kind(Path file, BasicFileAttributes a) {
    String kind = a.isDirectory() ? "a folder" : "a special file";
    try {
      int type = ((Integer) Files.getAttribute(file, "unix:mode")) & 0170000;
      kind =
          switch (type) {
            case 0010000 -> "a FIFO";
            case 0020000 -> "a character device";
            case 0060000 -> "a block device";
            case 0140000 -> "a socket";
            default -> kind;
          };
    } catch (IOException | RuntimeException e) {
      // No unix view here: the general word stands.
    }
    if (Files.isSymbolicLink(file)) {
      try {
        kind += " (a link to " + Files.readSymbolicLink(file) + ")";
      } catch (IOException e) {
        kind += " (a link)";
      }
    }
    return kind;
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
  }
}
