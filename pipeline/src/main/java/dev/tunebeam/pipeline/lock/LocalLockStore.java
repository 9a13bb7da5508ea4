package dev.tunebeam.pipeline.lock;

import dev.tunebeam.trainer.report.LocalArtifactStore;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * A lock file: created with CREATE_NEW (atomic on local file systems); its content is its version.
 */
public record LocalLockStore(Path file) implements LockStore {
  @Override
  public String location() {
    return file.toString();
  }

  @Override
  public Optional<Object> createIfAbsent(byte[] content) throws IOException {
    Files.createDirectories(file.getParent());
    try {
      Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      return Optional.of(content);
    } catch (FileAlreadyExistsException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<Versioned> read() throws IOException {
    try {
      byte[] content = Files.readAllBytes(file);
      return Optional.of(new Versioned(content, content));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<Object> replace(Object version, byte[] content) throws IOException {
    if (!still(version)) {
      return Optional.empty();
    }
    LocalArtifactStore.writeAtomically(file, content);
    return Optional.of(content);
  }

  @Override
  public boolean delete(Object version) throws IOException {
    return still(version) && Files.deleteIfExists(file);
  }

  private boolean still(Object version) throws IOException {
    return read().map(v -> Arrays.equals((byte[]) v.version(), (byte[]) version)).orElse(false);
  }
}
