package dev.tunebeam.trainer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistLoaderTest {
  @TempDir Path dir;

  private void write(FashionMnistFile f, byte[] content) throws Exception {
    Files.write(dir.resolve(f.fileName()), content);
  }

  private void writeValid(int train, int test) throws Exception {
    write(FashionMnistFile.TRAIN_IMAGES, IdxFiles.images(2051, train, 28, 28, train));
    write(FashionMnistFile.TRAIN_LABELS, IdxFiles.labels(2049, train, train));
    write(FashionMnistFile.TEST_IMAGES, IdxFiles.images(2051, test, 28, 28, test));
    write(FashionMnistFile.TEST_LABELS, IdxFiles.labels(2049, test, test));
  }

  @Test
  void loadsBothSplitsWithLimitsAndChecksums() throws Exception {
    writeValid(20, 10);
    FashionMnistData data = FashionMnistLoader.load(new LocalDataSource(dir), 8, 0);
    assertEquals(8, data.train().count());
    assertEquals(10, data.test().count());
    assertEquals(8 * 784, data.train().pixels().length);
    assertEquals(4, data.sha256().size());
    assertEquals(64, data.sha256().get("train-images-idx3-ubyte.gz").length());
  }

  @Test
  void mismatchedImageAndLabelCountsNameBothFiles() throws Exception {
    writeValid(20, 10);
    write(FashionMnistFile.TRAIN_LABELS, IdxFiles.labels(2049, 19, 19));
    IdxFormatException e =
        assertThrows(
            IdxFormatException.class,
            () -> FashionMnistLoader.load(new LocalDataSource(dir), 0, 0));
    assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz"), e.getMessage());
    assertTrue(
        e.getMessage().contains("declares 20 images but")
            && e.getMessage().contains("train-labels-idx1-ubyte.gz declares 19 labels"),
        e.getMessage());
  }

  @Test
  void wrongImageSizeIsRefused() throws Exception {
    writeValid(4, 4);
    write(FashionMnistFile.TEST_IMAGES, IdxFiles.images(2051, 4, 32, 32, 4));
    IdxFormatException e =
        assertThrows(
            IdxFormatException.class,
            () -> FashionMnistLoader.load(new LocalDataSource(dir), 0, 0));
    assertTrue(e.getMessage().contains("32x32"), e.getMessage());
  }

  @Test
  void missingFileIsNamed() throws Exception {
    writeValid(4, 4);
    Files.delete(dir.resolve(FashionMnistFile.TEST_LABELS.fileName()));
    IdxFormatException e =
        assertThrows(
            IdxFormatException.class,
            () -> FashionMnistLoader.load(new LocalDataSource(dir), 0, 0));
    assertTrue(e.getMessage().contains("t10k-labels-idx1-ubyte.gz: missing"), e.getMessage());
  }
}
