package dev.tunebeam.trainer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IdxReaderTest {
  @Test
  void readsImagesAndHonoursTheLimit() throws Exception {
    byte[] file = IdxFiles.images(2051, 5, 28, 28, 5);
    IdxImages all = IdxReader.readImages("img.gz", new ByteArrayInputStream(file), 0);
    assertEquals(5, all.count());
    assertEquals(28, all.rows());
    assertEquals(5 * 784, all.pixels().length);
    assertEquals((byte) (1000 % 251), all.pixels()[1000]);
    IdxImages first = IdxReader.readImages("img.gz", new ByteArrayInputStream(file), 2);
    assertEquals(2, first.count());
    assertEquals(5, first.declaredCount());
    assertArrayEquals(Arrays.copyOf(all.pixels(), 2 * 784), first.pixels());
  }

  /**
   * Sizes whose products pass 2^31 (and, in ints, wrap to small or negative values) are refused,
   * not allocated.
   */
  @Test
  void headerSizesAreCheckedWithoutOverflow() throws Exception {
    for (int[] h :
        new int[][] {
          {100_000_000, 28, 28},
          {1, 65_536, 65_536},
          {65_537, 65_536, 1},
          {2, 46_341, 46_341},
          {1 << 30, 4, 1}
        }) {
      byte[] file = IdxFiles.images(2051, h[0], h[1], h[2], 0);
      IdxFormatException e =
          assertThrows(
              IdxFormatException.class,
              () -> IdxReader.readImages("img.gz", new ByteArrayInputStream(file), 10));
      assertTrue(e.getMessage().contains("more than one file of images can hold"), e.getMessage());
    }
  }

  @Test
  void readsLabels() throws Exception {
    IdxLabels labels =
        IdxReader.readLabels("lab.gz", new ByteArrayInputStream(IdxFiles.labels(2049, 12, 12)), 0);
    assertEquals(12, labels.count());
    assertEquals(1, labels.labels()[11]);
  }

  @Test
  void wrongMagicNamesTheFile() throws Exception {
    IdxFormatException e =
        assertThrows(
            IdxFormatException.class,
            () ->
                IdxReader.readImages(
                    "train-images.gz", new ByteArrayInputStream(IdxFiles.labels(2049, 3, 3)), 0));
    assertTrue(e.getMessage().contains("train-images.gz"), e.getMessage());
    assertTrue(e.getMessage().contains("2049"), e.getMessage());
  }

  @Test
  void labelFileWithImageMagicIsRejected() throws Exception {
    IdxFormatException e =
        assertThrows(
            IdxFormatException.class,
            () ->
                IdxReader.readLabels(
                    "labels.gz", new ByteArrayInputStream(IdxFiles.images(2051, 1, 28, 28, 1)), 0));
    assertTrue(e.getMessage().contains("labels.gz: magic number 2051"), e.getMessage());
  }

  @Test
  void truncatedPayloadIsReported() throws Exception {
    byte[] file = IdxFiles.images(2051, 10, 28, 28, 3);
    IdxFormatException e =
        assertThrows(
            IdxFormatException.class,
            () -> IdxReader.readImages("short.gz", new ByteArrayInputStream(file), 0));
    assertTrue(e.getMessage().contains("short.gz: truncated"), e.getMessage());
  }

  @Test
  void truncatedHeaderIsReported() throws Exception {
    byte[] file = IdxFiles.gzip(new byte[] {0, 0, 8, 3, 0, 0});
    IdxFormatException e =
        assertThrows(
            IdxFormatException.class,
            () -> IdxReader.readImages("h.gz", new ByteArrayInputStream(file), 0));
    assertTrue(e.getMessage().contains("truncated header"), e.getMessage());
  }

  @Test
  void corruptGzipIsReported() throws Exception {
    byte[] file = IdxFiles.images(2051, 2, 28, 28, 2);
    for (int i = 20; i < file.length - 8; i++) {
      file[i] ^= 0x5a;
    }
    IdxFormatException e =
        assertThrows(
            IdxFormatException.class,
            () -> IdxReader.readImages("bad.gz", new ByteArrayInputStream(file), 0));
    assertTrue(e.getMessage().startsWith("data file bad.gz"), e.getMessage());
  }

  @Test
  void notGzipAtAllIsReported() {
    IdxFormatException e =
        assertThrows(
            IdxFormatException.class,
            () ->
                IdxReader.readImages(
                    "plain.idx", new ByteArrayInputStream(new byte[] {0, 0, 8, 3, 1, 2, 3, 4}), 0));
    assertTrue(e.getMessage().contains("plain.idx: not a gzip file"), e.getMessage());
  }

  @Test
  void labelOutsideTheTenClassesIsReported() throws Exception {
    byte[] raw = {0, 0, 8, 1, 0, 0, 0, 2, 3, 42};
    IdxFormatException e =
        assertThrows(
            IdxFormatException.class,
            () -> IdxReader.readLabels("l.gz", new ByteArrayInputStream(IdxFiles.gzip(raw)), 0));
    assertTrue(e.getMessage().contains("label 42 at index 1"), e.getMessage());
  }
}
