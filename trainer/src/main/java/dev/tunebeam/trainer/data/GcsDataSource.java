package dev.tunebeam.trainer.data;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import dev.tunebeam.trainer.report.GcsPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;

/** The dataset files under a {@code gs://bucket/prefix}, read with google-cloud-storage. */
public final class GcsDataSource implements DataSource {
  private final GcsPath prefix;
  private final Storage storage;

  public GcsDataSource(GcsPath prefix, Storage storage) {
    this.prefix = prefix;
    this.storage = storage;
  }

  @Override
  public String location() {
    return prefix.toString();
  }

  @Override
  public InputStream open(FashionMnistFile file) throws IOException {
    BlobId id = prefix.resolve(file.fileName()).blobId();
    if (storage.get(id) == null) {
      throw new IOException("gs://" + id.getBucket() + "/" + id.getName() + " does not exist");
    }
    return Channels.newInputStream(storage.reader(id));
  }
}
