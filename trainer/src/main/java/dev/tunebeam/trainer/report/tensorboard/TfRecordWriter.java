package dev.tunebeam.trainer.report.tensorboard;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Frames records the way TensorFlow's {@code RecordWriter} does: little-endian uint64 length,
 * masked CRC32C of those 8 bytes, the data, masked CRC32C of the data.
 */
public final class TfRecordWriter {
  static final int HEADER_BYTES = 12;
  static final int FOOTER_BYTES = 4;

  private TfRecordWriter() {}

  public static byte[] frame(byte[] data) {
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(data.length + HEADER_BYTES + FOOTER_BYTES);
    append(out, data);
    return out.toByteArray();
  }

  public static void append(ByteArrayOutputStream out, byte[] data) {
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    header.putLong(data.length);
    header.putInt(Crc32c.masked(header.array(), 0, 8));
    out.writeBytes(header.array());
    out.writeBytes(data);
    out.writeBytes(
        ByteBuffer.allocate(FOOTER_BYTES)
            .order(ByteOrder.LITTLE_ENDIAN)
            .putInt(Crc32c.masked(data, 0, data.length))
            .array());
  }
}
