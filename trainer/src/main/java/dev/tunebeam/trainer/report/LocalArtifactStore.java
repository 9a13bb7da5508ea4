package dev.tunebeam.trainer.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes to a temporary sibling, then renames over the target: a killed process leaves the old
 * file.
 */
public record LocalArtifactStore(Path dir) implements ArtifactStore {
  @Override
  public String location() {
    return dir.toString();
  }

  @Override
  public void write(String name, byte[] content) throws IOException {
    Path target = dir.resolve(name);
    Files.createDirectories(target.getParent());
    writeAtomically(target, content);
  }

  /**
   * Writes {@code target} through a unique sibling and a rename, so a reader sees the old or the
   * new content, never a part.
   */
  public static void writeAtomically(Path target, byte[] content) throws IOException {
    // A unique sibling, created with the process umask (createTempFile would make it owner-only).
    Path partial =
        target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".partial");
    try {
      Files.write(partial, content);
      try {
        Files.move(
            partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  @Override
  public void checkWritable(String flag) {
    Path p = dir.toAbsolutePath();
    while (p != null && !Files.exists(p)) {
      brokenLink(flag, p);
      p = p.getParent();
    }
    if (p == null || !Files.isDirectory(p) || !Files.isWritable(p) || !probe(p)) {
      throw new IllegalArgumentException(
          flag
              + " "
              + dir
              + " is not writable ("
              + p
              + " is not a writable directory); choose a writable folder or a gs:// path");
    }
  }

  /**
   * A symbolic link on the way to the folder that leads nowhere: a loop (it points back at itself,
   * directly or through other links) or a link to a path that does not exist. Without this check
   * the first write fails with only "Too many levels of symbolic links".
   */
  private void brokenLink(String flag, Path p) {
    if (!Files.isSymbolicLink(p)) {
      return;
    }
    String target;
    try {
      target = Files.readSymbolicLink(p).toString();
    } catch (IOException e) {
      target = "?";
    }
    try {
      p.toRealPath();
    } catch (FileSystemException e) {
      boolean loop = String.valueOf(e.getReason()).contains("Too many levels of symbolic links");
      if (!loop && !(e instanceof NoSuchFileException)) {
        return;
      }
      throw new IllegalArgumentException(
          flag
              + " "
              + dir
              + (loop
                  ? " goes through a symbolic link loop: "
                      + p
                      + " points to "
                      + target
                      + ", which leads back to itself (Too many levels of symbolic links);"
                      + " point that link at a real folder, or choose another "
                      + flag
                  : " goes through a symbolic link to a path that does not exist: "
                      + p
                      + " points to "
                      + target
                      + "; create that folder, point the link at an existing one, or choose"
                      + " another "
                      + flag));
    } catch (IOException e) {
      // Anything else is the writability check's to report.
    }
  }

  /**
   * Creates and deletes a file: permission bits do not tell (root passes every access check, and
   * /sys or a read-only mount refuse anyway).
   */
  private static boolean probe(Path dir) {
    try {
      Files.delete(Files.createTempFile(dir, ".tunebeam-write-check-", ".tmp"));
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public Optional<byte[]> read(String name) throws IOException {
    try {
      return Optional.of(Files.readAllBytes(dir.resolve(name)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }
}
