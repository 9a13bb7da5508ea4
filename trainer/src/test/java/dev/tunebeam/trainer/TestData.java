package dev.tunebeam.trainer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.trainer.data.DataLocator;
import dev.tunebeam.trainer.data.LocalDataSource;
import java.nio.file.Path;

/** The real Fashion-MNIST files the training tests use: Debian's dataset-fashion-mnist. */
public final class TestData {
  private TestData() {}

  public static Path dir() {
    Path dir = DataLocator.DEBIAN_DIR;
    assertTrue(
        new LocalDataSource(dir).complete(),
        "training tests need real Fashion-MNIST in "
            + dir
            + ": apt-get install -y dataset-fashion-mnist (.ci/run does)");
    return dir;
  }
}
