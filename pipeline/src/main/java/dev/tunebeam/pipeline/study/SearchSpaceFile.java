package dev.tunebeam.pipeline.study;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.beam.sdk.io.FileSystems;

/**
 * Reads a search-space file (local or gs://) with a size bound. A local path must be a regular
 * file, checked before it is opened: opening a FIFO blocks until a writer comes, and a device such
 * as {@code /dev/zero} never ends.
 */
public final class SearchSpaceFile {
  /** Far above any real search space (the reference study is ~300 bytes), far below a heap. */
  public static final int MAX_BYTES = 1 << 20;

  private SearchSpaceFile() {}

  /**
   * The file's bytes; IllegalArgumentException naming {@code flag} when it cannot be a search
   * space.
   */
  static byte[] read(String flag, String location) {
    if (!location.contains("://")) {
      checkLocal(flag, location);
    }
    try (InputStream in =
        Channels.newInputStream(
            FileSystems.open(FileSystems.matchSingleFileSpec(location).resourceId()))) {
      byte[] content = in.readNBytes(MAX_BYTES + 1);
      if (content.length > MAX_BYTES) {
        throw tooLarge(flag, location);
      }
      return content;
    } catch (FileNotFoundException | NoSuchFileException e) {
      throw new IllegalArgumentException(
          flag + " " + location + " does not exist; pass a YAML or JSON search-space file");
    } catch (IOException e) {
      throw new IllegalArgumentException(
          flag + " " + location + " cannot be read: " + e.getMessage());
    }
  }

  private static void checkLocal(String flag, String location) {
    Path path;
    try {
      path = Path.of(location);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(
          flag + " " + location + " is not a valid path: " + e.getReason());
    }
    if (Files.isDirectory(path)) {
      throw new IllegalArgumentException(
          flag + " " + location + " is a directory; pass a YAML or JSON search-space file");
    }
    if (!Files.exists(path)) {
      throw new IllegalArgumentException(
          flag + " " + location + " does not exist; pass a YAML or JSON search-space file");
    }
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException(
          flag
              + " "
              + location
              + " is not a regular file (a pipe, socket or device); pass a YAML or JSON search-space file");
    }
    if (!Files.isReadable(path)) {
      throw new IllegalArgumentException(
          flag + " " + location + " is not readable; check its permissions");
    }
    try {
      if (Files.size(path) > MAX_BYTES) {
        throw tooLarge(flag, location);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          flag + " " + location + " cannot be read: " + e.getMessage());
    }
  }

  private static IllegalArgumentException tooLarge(String flag, String location) {
    return new IllegalArgumentException(
        flag
            + " "
            + location
            + " is larger than "
            + (MAX_BYTES >> 20)
            + " MiB; a search space is a short YAML or JSON file");
  }
}
