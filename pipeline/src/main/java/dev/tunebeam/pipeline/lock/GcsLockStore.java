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

  @Override
  public String location() {
    return "gs://" + id.getBucket() + "/" + id.getName();
  }

  @Override
  public boolean createIfAbsent(byte[] content) throws IOException {
    try {
      storage.create(BlobInfo.newBuilder(id).setContentType("application/json").build(), content, Storage.BlobTargetOption.doesNotExist());
      return true;
    } catch (StorageException e) {
      if (e.getCode() == PRECONDITION_FAILED) {
        return false;
      }
      throw new IOException("cannot create " + location() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<Versioned> read() throws IOException {
    try {
      Blob blob = storage.get(id);
      return blob == null ? Optional.empty() : Optional.of(new Versioned(blob.getContent(), blob.getGeneration()));
    } catch (StorageException e) {
      throw new IOException("cannot read " + location() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<Object> replace(Object version, byte[] content) throws IOException {
    try {
      Blob b = storage.create(BlobInfo.newBuilder(BlobId.of(id.getBucket(), id.getName(), (Long) version)).build(), content,
          Storage.BlobTargetOption.generationMatch());
      return Optional.of(b.getGeneration());
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
      return storage.delete(BlobId.of(id.getBucket(), id.getName(), (Long) version), Storage.BlobSourceOption.generationMatch());
    } catch (StorageException e) {
      if (e.getCode() == PRECONDITION_FAILED) {
        return false;
      }
      throw new IOException("cannot delete " + location() + ": " + e.getMessage(), e);
    }
  }
}
