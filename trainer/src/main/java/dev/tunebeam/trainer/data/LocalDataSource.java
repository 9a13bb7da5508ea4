package dev.tunebeam.trainer.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

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

  /** Size, modification time and file key (the inode): a rewritten or replaced file differs. */
  @Override
  public Optional<String> version(FashionMnistFile file) throws IOException {
    Path path = dir.resolve(file.fileName());
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
    return Optional.of(
        path.toAbsolutePath() + " " + a.size() + " " + a.lastModifiedTime() + " " + a.fileKey());
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
