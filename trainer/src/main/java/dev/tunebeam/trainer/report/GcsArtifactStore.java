package dev.tunebeam.trainer.report;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import java.io.IOException;
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
