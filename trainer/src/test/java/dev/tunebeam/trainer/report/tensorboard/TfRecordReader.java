package dev.tunebeam.trainer.report.tensorboard;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads TFRecord framing and checks both checksums of every record, so a truncated or damaged event
 * file is reported rather than read as garbage.
 */
public final class TfRecordReader {
  /** Larger than any event this project writes; a corrupt length must not allocate gigabytes. */
  static final long MAX_RECORD_BYTES = 64L << 20;

  private final InputStream in;
  private long offset;

  public TfRecordReader(InputStream in) {
    this.in = in;
  }

  public static List<byte[]> readAll(byte[] file) throws IOException {
    TfRecordReader reader = new TfRecordReader(new ByteArrayInputStream(file));
    List<byte[]> records = new ArrayList<>();
    for (byte[] r = reader.next(); r != null; r = reader.next()) {
      records.add(r);
    }
    return records;
  }

  /** The next record's data, or null at the end of a file that ends between records. */
  public byte[] next() throws IOException {
    long start = offset;
    byte[] header = in.readNBytes(TfRecordWriter.HEADER_BYTES);
    if (header.length == 0) {
      return null;
    }
    if (header.length < TfRecordWriter.HEADER_BYTES) {
      throw new CorruptRecordException(
          "record at byte "
              + start
              + " is cut off in its header ("
              + header.length
              + " of 12 bytes)");
    }
    ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
    long length = h.getLong();
    int lengthCrc = h.getInt();
    if (Crc32c.masked(header, 0, 8) != lengthCrc) {
      throw new CorruptRecordException(
          "record at byte " + start + " has a length checksum mismatch");
    }
    if (length < 0 || length > MAX_RECORD_BYTES) {
      throw new CorruptRecordException(
          "record at byte " + start + " claims " + Long.toUnsignedString(length) + " bytes");
    }
    byte[] data = in.readNBytes((int) length);
    byte[] footer = in.readNBytes(TfRecordWriter.FOOTER_BYTES);
    if (data.length < length || footer.length < TfRecordWriter.FOOTER_BYTES) {
      throw new CorruptRecordException(
          "record at byte " + start + " is cut off (" + length + " data bytes expected)");
    }
    if (Crc32c.masked(data, 0, data.length)
        != ByteBuffer.wrap(footer).order(ByteOrder.LITTLE_ENDIAN).getInt()) {
      throw new CorruptRecordException("record at byte " + start + " has a data checksum mismatch");
    }
    offset += TfRecordWriter.HEADER_BYTES + length + TfRecordWriter.FOOTER_BYTES;
    return data;
  }
}
