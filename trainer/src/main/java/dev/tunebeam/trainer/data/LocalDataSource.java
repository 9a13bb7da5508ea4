package dev.tunebeam.trainer.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The dataset files in a local folder. */
public record LocalDataSource(Path dir) implements DataSource {
  @Override
  public String location() {
    return dir.toString();
  }

  @Override
  public InputStream open(FashionMnistFile file) throws IOException {
    return Files.newInputStream(dir.resolve(file.fileName()));
  }

  /** True when all four files are present and readable. */
  public boolean complete() {
    for (FashionMnistFile f : FashionMnistFile.values()) {
      if (!Files.isReadable(dir.resolve(f.fileName()))) {
        return false;
      }
    }
    return true;
  }
}
