package dev.tunebeam.trainer.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Where the four dataset files are read from: a local folder or a {@code gs://} prefix. */
public interface DataSource {
  /** A human-readable location, used in messages and in metrics.json. */
  String location();

  InputStream open(FashionMnistFile file) throws IOException;

  /**
   * Which version of {@code file} this source holds now, where it can tell cheaply; empty (the
   * default) when it cannot, and then the file is read on every load.
   */
  default Optional<String> version(FashionMnistFile file) throws IOException {
    return Optional.empty();
  }
}
