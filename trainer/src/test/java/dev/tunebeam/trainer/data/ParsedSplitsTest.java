package dev.tunebeam.trainer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A warm worker parses each dataset file once, and again only when the file changed. */
class ParsedSplitsTest {
  @TempDir Path dir;

  private void writeValid(int train, int test) throws Exception {
    Files.write(
        dir.resolve(FashionMnistFile.TRAIN_IMAGES.fileName()),
        IdxFiles.images(2051, train, 28, 28, train));
    Files.write(
        dir.resolve(FashionMnistFile.TRAIN_LABELS.fileName()), IdxFiles.labels(2049, train, train));
    Files.write(
        dir.resolve(FashionMnistFile.TEST_IMAGES.fileName()),
        IdxFiles.images(2051, test, 28, 28, test));
    Files.write(
        dir.resolve(FashionMnistFile.TEST_LABELS.fileName()), IdxFiles.labels(2049, test, test));
  }

  @Test
  void aSecondLoadOfTheSameFilesReadsNothing() throws Exception {
    writeValid(40, 12);
    CountingSource source = new CountingSource(new LocalDataSource(dir));

    FashionMnistData first = FashionMnistLoader.load(source, 10, 8, 7L, 0);
    int opened = source.opened.get();
    FashionMnistData second = FashionMnistLoader.load(source, 10, 8, 7L, 0);

    assertEquals(4, opened, "the first load reads the four files");
    assertEquals(opened, source.opened.get(), "the second load reads none of them");
    assertSame(first.test(), second.test());
    assertArrayEquals(first.train().pixels(), second.train().pixels());
    assertArrayEquals(first.validation().labels(), second.validation().labels());
    assertEquals(first.sha256(), second.sha256());
    assertEquals(
        first.sha256().keySet().stream().toList(),
        second.sha256().keySet().stream().toList(),
        "metrics.json lists the files in the same order");
    assertEquals(first.validationSplit(), second.validationSplit());
  }

  @Test
  void aChangedFileIsReadAgain() throws Exception {
    writeValid(40, 12);
    LocalDataSource source = new LocalDataSource(dir);
    FashionMnistData before = FashionMnistLoader.load(source, 0, 0);
    Path labels = dir.resolve(FashionMnistFile.TEST_LABELS.fileName());
    byte[] raw = new byte[8 + 12];
    raw[3] = (byte) 0x01;
    raw[2] = (byte) 0x08;
    raw[7] = 12;
    java.util.Arrays.fill(raw, 8, raw.length, (byte) 3);
    Files.write(labels, IdxFiles.gzip(raw));
    Files.setLastModifiedTime(labels, FileTime.fromMillis(0));

    FashionMnistData after = FashionMnistLoader.load(source, 0, 0);

    assertNotSame(before.test(), after.test());
    assertEquals(3, after.test().labels()[0]);
  }

  @Test
  void aSourceThatCannotTellVersionsIsReadEveryTime() throws Exception {
    writeValid(20, 10);
    CountingSource source = new CountingSource(new UnversionedSource(dir));
    FashionMnistLoader.load(source, 0, 0);
    FashionMnistLoader.load(source, 0, 0);
    assertEquals(8, source.opened.get());
  }

  /** Counts the files opened; versions come from the wrapped source. */
  private static final class CountingSource implements DataSource {
    final DataSource inner;
    final AtomicInteger opened = new AtomicInteger();

    CountingSource(DataSource inner) {
      this.inner = inner;
    }

    @Override
    public String location() {
      return inner.location();
    }

    @Override
    public InputStream open(FashionMnistFile file) throws IOException {
      opened.incrementAndGet();
      return inner.open(file);
    }

    @Override
    public java.util.Optional<String> version(FashionMnistFile file) throws IOException {
      return inner.version(file);
    }
  }

  /** Like a Cloud Storage source: no cheap version, so nothing is remembered. */
  private record UnversionedSource(Path dir) implements DataSource {
    @Override
    public String location() {
      return "unversioned:" + dir;
    }

    @Override
    public InputStream open(FashionMnistFile file) throws IOException {
      return new ByteArrayInputStream(Files.readAllBytes(dir.resolve(file.fileName())));
    }
  }
}
