package dev.tunebeam.trainer.data;

import java.io.IOException;
import java.io.InputStream;

/** Where the four dataset files are read from: a local folder or a {@code gs://} prefix. */
public interface DataSource {
  /** A human-readable location, used in messages and in metrics.json. */
  String location();

  InputStream open(FashionMnistFile file) throws IOException;
}
