package dev.tunebeam.trainer.data;

import com.google.cloud.storage.Storage;
import dev.tunebeam.trainer.report.GcsArtifactStore;
import dev.tunebeam.trainer.report.GcsPath;
import java.io.IOException;
import java.io.InputStream;

/**
 * The dataset files under a {@code gs://bucket/prefix}: objects read as the trainer's other gs://
 * files are ({@link GcsArtifactStore}).
 */
public final class GcsDataSource implements DataSource {
  private final GcsArtifactStore objects;

  public GcsDataSource(GcsPath prefix, Storage storage) {
    this.objects = new GcsArtifactStore(prefix, storage);
  }

  @Override
  public String location() {
    return objects.location();
  }

  @Override
  public InputStream open(FashionMnistFile file) throws IOException {
    return objects.open(file.fileName());
  }
}
