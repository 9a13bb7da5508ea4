package dev.tunebeam.trainer.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;

/** Builds IDX files in memory for tests: valid ones and deliberately broken ones. */
public final class IdxFiles {
  private IdxFiles() {}

  public static byte[] images(int magic, int declared, int rows, int cols, int actual)
      throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(raw);
    out.writeInt(magic);
    out.writeInt(declared);
    out.writeInt(rows);
    out.writeInt(cols);
    for (int i = 0; i < actual * rows * cols; i++) {
      out.writeByte(i % 251);
    }
    return gzip(raw.toByteArray());
  }

  public static byte[] labels(int magic, int declared, int actual) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(raw);
    out.writeInt(magic);
    out.writeInt(declared);
    for (int i = 0; i < actual; i++) {
      out.writeByte(i % 10);
    }
    return gzip(raw.toByteArray());
  }

  public static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(raw);
    }
    return gz.toByteArray();
  }
}
