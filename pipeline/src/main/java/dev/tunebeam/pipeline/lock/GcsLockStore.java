package dev.tunebeam.pipeline.lock;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import java.io.IOException;
import java.util.Optional;

/**
 * A lock object, created with the precondition "no live generation exists" ({@code
 * ifGenerationMatch=0}): Cloud Storage lets exactly one of two racing runs create it. Heartbeats
 * and deletes name the generation they saw, so a run never removes a lock another run took over.
 */
public record GcsLockStore(Storage storage, BlobId id) implements LockStore {
  private static final int PRECONDITION_FAILED = 412;

  /**
   * A client that reports no generations (the in-memory test storage): operations go unconditional.
   */
  private static final long UNKNOWN = -1;

  private static long generation(Blob b) {
    return b.getGeneration() == null ? UNKNOWN : b.getGeneration();
  }

  @Override
  public String location() {
    return "gs://" + id.getBucket() + "/" + id.getName();
  }

  @Override
  public Optional<Object> createIfAbsent(byte[] content) throws IOException {
    try {
      Blob b =
          storage.create(
              BlobInfo.newBuilder(id).setContentType("application/json").build(),
              content,
              Storage.BlobTargetOption.doesNotExist());
      return Optional.of(generation(b));
    } catch (StorageException e) {
      if (e.getCode() == PRECONDITION_FAILED) {
        return Optional.empty();
      }
      throw new IOException("cannot create " + location() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<Versioned> read() throws IOException {
    try {
      Blob blob = storage.get(id);
      return blob == null
          ? Optional.empty()
          : Optional.of(new Versioned(blob.getContent(), generation(blob)));
    } catch (StorageException e) {
      throw new IOException("cannot read " + location() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<Object> replace(Object version, byte[] content) throws IOException {
    try {
      long g = (Long) version;
      Blob b =
          g == UNKNOWN
              ? storage.create(BlobInfo.newBuilder(id).build(), content)
              : storage.create(
                  BlobInfo.newBuilder(BlobId.of(id.getBucket(), id.getName(), g)).build(),
                  content,
                  Storage.BlobTargetOption.generationMatch());
      return Optional.of(generation(b));
    } catch (StorageException e) {
      if (e.getCode() == PRECONDITION_FAILED) {
        return Optional.empty();
      }
      throw new IOException("cannot refresh " + location() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean delete(Object version) throws IOException {
    try {
      long g = (Long) version;
      return g == UNKNOWN
          ? storage.delete(id)
          : storage.delete(
              BlobId.of(id.getBucket(), id.getName(), g),
              Storage.BlobSourceOption.generationMatch());
    } catch (StorageException e) {
      if (e.getCode() == PRECONDITION_FAILED) {
        return false;
      }
      throw new IOException("cannot delete " + location() + ": " + e.getMessage(), e);
    }
  }
}
