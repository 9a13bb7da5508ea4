package dev.tunebeam.trainer.report;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.Optional;

/** Writes objects under a {@code gs://} prefix; a GCS object upload is atomic by itself. */
public final class GcsArtifactStore implements ArtifactStore {
  private final GcsPath prefix;
  private final Storage storage;

  public GcsArtifactStore(GcsPath prefix, Storage storage) {
    this.prefix = prefix;
    this.storage = storage;
  }

  @Override
  public String location() {
    return prefix.toString();
  }

  @Override
  public void write(String name, byte[] content) throws IOException {
    try {
      storage.create(BlobInfo.newBuilder(prefix.resolve(name).blobId()).build(), content);
    } catch (RuntimeException e) {
      throw new IOException("cannot write " + prefix.resolve(name) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes and deletes a marker object: the one check that answers both "bucket exists" and "may
   * write".
   */
  @Override
  public void checkWritable(String flag) {
    BlobId marker = prefix.resolve(".tunebeam-write-check").blobId();
    try {
      storage.create(BlobInfo.newBuilder(marker).build(), new byte[0]);
      storage.delete(marker);
    } catch (StorageException e) {
      throw new IllegalArgumentException(flag + " " + prefix + " is not writable: " + explain(e));
    }
  }

  private String explain(StorageException e) {
    return switch (e.getCode()) {
      case 404 ->
          "bucket "
              + prefix.bucket()
              + " does not exist; create it (in the region the jobs run in) or fix the name";
      case 401, 403 ->
          "permission denied; grant the account that runs this roles/storage.objectAdmin on the bucket";
      default -> e.getMessage();
    };
  }

  /**
   * A streaming read of {@code name}, for objects (a dataset's files) better not held in memory
   * whole.
   */
  public InputStream open(String name) throws IOException {
    GcsPath object = prefix.resolve(name);
    if (storage.get(object.blobId()) == null) {
      throw new IOException(object + " does not exist");
    }
    return Channels.newInputStream(storage.reader(object.blobId()));
  }

  @Override
  public Optional<byte[]> read(String name) throws IOException {
    try {
      Blob blob = storage.get(prefix.resolve(name).blobId());
      return blob == null ? Optional.empty() : Optional.of(blob.getContent());
    } catch (RuntimeException e) {
      throw new IOException("cannot read " + prefix.resolve(name) + ": " + e.getMessage(), e);
    }
  }
}
