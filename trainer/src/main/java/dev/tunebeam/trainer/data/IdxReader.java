package dev.tunebeam.trainer.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the gzip-compressed IDX files that MNIST-style datasets are published in. The header is
 * big-endian: a magic number (2051 for images, 2049 for labels), the item count and, for images,
 * rows and columns. Every read checks the header and the payload length, so a truncated or foreign
 * file fails here, naming the file, instead of training on garbage.
 */
public final class IdxReader {
  public static final int IMAGE_MAGIC = 2051;
  public static final int LABEL_MAGIC = 2049;

  /** The largest byte array a JVM allocates. */
  static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  private IdxReader() {}

  /** Reads at most {@code limit} images (all when {@code limit <= 0}). */
  public static IdxImages readImages(String name, InputStream gzipped, int limit)
      throws IOException {
    try (DataInputStream in = open(name, gzipped)) {
      int magic = header(name, in);
      if (magic != IMAGE_MAGIC) {
        throw new IdxFormatException(
            name, "magic number " + magic + " is not an image file's (" + IMAGE_MAGIC + ")");
      }
      int count = header(name, in);
      int rows = header(name, in);
      int cols = header(name, in);
      if (count < 0 || rows <= 0 || cols <= 0) {
        throw new IdxFormatException(
            name, "header declares " + count + " images of " + rows + "x" + cols);
      }
      // In longs, image size first: a header is untrusted, and count x rows x cols passes 2^31
      // easily.
      long imageBytes = (long) rows * cols;
      long declaredBytes = imageBytes > MAX_ARRAY ? Long.MAX_VALUE : count * imageBytes;
      if (declaredBytes > MAX_ARRAY) {
        throw new IdxFormatException(
            name,
            "header declares "
                + count
                + " images of "
                + rows
                + "x"
                + cols
                + ", more than one file of images can hold ("
                + MAX_ARRAY
                + " bytes); the header is corrupt");
      }
      int n = limit > 0 ? Math.min(limit, count) : count;
      byte[] pixels = new byte[n * rows * cols];
      payload(name, in, pixels, count + " images of " + rows + "x" + cols);
      return new IdxImages(n, rows, cols, pixels, count);
    }
  }

  /** Reads at most {@code limit} labels (all when {@code limit <= 0}). */
  public static IdxLabels readLabels(String name, InputStream gzipped, int limit)
      throws IOException {
    try (DataInputStream in = open(name, gzipped)) {
      int magic = header(name, in);
      if (magic != LABEL_MAGIC) {
        throw new IdxFormatException(
            name, "magic number " + magic + " is not a label file's (" + LABEL_MAGIC + ")");
      }
      int count = header(name, in);
      if (count < 0) {
        throw new IdxFormatException(name, "header declares " + count + " labels");
      }
      int n = limit > 0 ? Math.min(limit, count) : count;
      byte[] labels = new byte[n];
      payload(name, in, labels, count + " labels");
      for (int i = 0; i < n; i++) {
        if (labels[i] < 0 || labels[i] > 9) {
          // IDX labels are unsigned bytes: 200 is 200, not Java's -56.
          throw new IdxFormatException(
              name,
              "label " + Byte.toUnsignedInt(labels[i]) + " at index " + i + " is outside 0..9");
        }
      }
      return new IdxLabels(labels, count);
    }
  }

  private static DataInputStream open(String name, InputStream gzipped) throws IOException {
    try {
      return new DataInputStream(new GZIPInputStream(gzipped, 1 << 16));
    } catch (EOFException e) {
      throw new IdxFormatException(
          name, "is empty or ends inside its gzip header; it must be a gzip-compressed IDX file");
    } catch (ZipException e) {
      throw new IdxFormatException(name, "not a gzip file (" + e.getMessage() + ")");
    }
  }

  private static int header(String name, DataInputStream in) throws IOException {
    try {
      return in.readInt();
    } catch (EOFException e) {
      throw new IdxFormatException(name, "truncated header");
    } catch (ZipException e) {
      throw new IdxFormatException(name, "corrupt gzip data (" + e.getMessage() + ")");
    }
  }

  private static void payload(String name, DataInputStream in, byte[] into, String declared)
      throws IOException {
    try {
      in.readFully(into);
    } catch (EOFException e) {
      throw new IdxFormatException(
          name, "truncated: the header declares " + declared + " but the file ends early");
    } catch (ZipException e) {
      throw new IdxFormatException(name, "corrupt gzip data (" + e.getMessage() + ")");
    }
  }
}
