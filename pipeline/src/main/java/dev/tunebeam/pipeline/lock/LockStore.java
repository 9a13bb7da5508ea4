package dev.tunebeam.pipeline.lock;

import java.io.IOException;
import java.util.Optional;

/**
 * Where an output folder's lock lives: a file (local) or an object (gs://). Creation is atomic and
 * fails when a lock exists, which is what makes one run the owner.
 */
public interface LockStore {
  /** The lock's location, for messages. */
  String location();

  /** Creates the lock with {@code content}: its version, or empty when one exists already. */
  Optional<Object> createIfAbsent(byte[] content) throws IOException;

  /** The lock's content and version, or empty when there is none. */
  Optional<Versioned> read() throws IOException;

  /**
   * Replaces the lock if it is still {@code version} (a heartbeat); the new version, or empty when
   * it changed hands.
   */
  Optional<Object> replace(Object version, byte[] content) throws IOException;

  /** Deletes the lock if it is still {@code version}; false when it changed hands or is gone. */
  boolean delete(Object version) throws IOException;

  /** A lock's bytes and an opaque version (an object generation, a file's content). */
  record Versioned(byte[] content, Object version) {}
}
