package dev.tunebeam.trainer.report.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.trainer.report.tensorboard.proto.DataType;
import dev.tunebeam.trainer.report.tensorboard.proto.Event;
import dev.tunebeam.trainer.report.tensorboard.proto.Summary;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two records of an event file that TensorFlow wrote for {@code tf.summary.scalar("accuracy",
 * 0.99, step=77)}, byte for byte as TensorBoard's data server tests quote them
 * (tensorboard/data/server/tf_record.rs at commit 70b76c9). Our framing must reproduce them and our
 * protos must read them.
 */
class TfRecordTest {
  static final byte[] VERSION_EVENT =
      bytes(0x09, 0x00, 0x00, 0x80, 0x38, 0x99, 0xd6, 0xd7, 0x41, 0x1a, 0x0d, "brain.Event:2");
  static final byte[] VERSION_RECORD =
      concat(
          bytes(0x18, 0, 0, 0, 0, 0, 0, 0, 0xa3, 0x7f, 0x4b, 0x22),
          VERSION_EVENT,
          bytes(0x12, 0x4b, 0x36, 0xab));
  static final byte[] SCALAR_EVENT =
      bytes(
          0x09,
          0xc4,
          0x05,
          0xb7,
          0x3d,
          0x99,
          0xd6,
          0xd7,
          0x41,
          0x10,
          0x4d,
          0x2a,
          0x25,
          0x0a,
          0x23,
          0x0a,
          0x08,
          "accuracy",
          0x42,
          0x0a,
          0x08,
          0x01,
          0x12,
          0x00,
          0x22,
          0x04,
          0xa4,
          0x70,
          0x7d,
          0x3f,
          0x4a,
          0x0b,
          0x0a,
          0x09,
          0x0a,
          0x07,
          "scalars");
  static final byte[] SCALAR_RECORD =
      concat(
          bytes(0x32, 0, 0, 0, 0, 0, 0, 0, 0x24, 0x19, 0x56, 0xec),
          SCALAR_EVENT,
          bytes(0xa5, 0x5b, 0x64, 0x33));

  @Test
  void framesRecordsExactlyAsTensorFlowDoes() {
    assertArrayEquals(VERSION_RECORD, TfRecordWriter.frame(VERSION_EVENT));
    assertArrayEquals(SCALAR_RECORD, TfRecordWriter.frame(SCALAR_EVENT));
  }

  @Test
  void readsTensorFlowsRecordsIntoOurEventProtos() throws Exception {
    List<byte[]> records = TfRecordReader.readAll(concat(VERSION_RECORD, SCALAR_RECORD));
    assertEquals(2, records.size());

    Event version = Event.parseFrom(records.get(0));
    assertEquals("brain.Event:2", version.getFileVersion());
    assertTrue(
        version.getWallTime() > 1.5e9 && version.getWallTime() < 2e9,
        "wall time " + version.getWallTime());

    Event scalar = Event.parseFrom(records.get(1));
    assertEquals(77, scalar.getStep());
    Summary.Value value = scalar.getSummary().getValue(0);
    assertEquals("accuracy", value.getTag());
    assertEquals("scalars", value.getMetadata().getPluginData().getPluginName());
    assertEquals(DataType.DT_FLOAT, value.getTensor().getDtype());
    assertEquals(0, value.getTensor().getTensorShape().getDimCount());
    float accuracy =
        ByteBuffer.wrap(value.getTensor().getTensorContent().toByteArray())
            .order(ByteOrder.LITTLE_ENDIAN)
            .getFloat();
    assertEquals(0.99f, accuracy);
  }

  @Test
  void anEmptyFileHasNoRecords() throws Exception {
    assertEquals(List.of(), TfRecordReader.readAll(new byte[0]));
  }

  @Test
  void rejectsARecordWhoseDataWasChanged() {
    byte[] file = concat(VERSION_RECORD, SCALAR_RECORD);
    file[VERSION_RECORD.length + 12 + 20] ^= 0x01;
    CorruptRecordException e =
        assertThrows(CorruptRecordException.class, () -> TfRecordReader.readAll(file));
    assertTrue(
        e.getMessage()
            .contains("record at byte " + VERSION_RECORD.length + " has a data checksum mismatch"),
        e.getMessage());
  }

  @Test
  void rejectsARecordWhoseLengthWasChanged() {
    byte[] file = VERSION_RECORD.clone();
    file[0] = 0x17;
    CorruptRecordException e =
        assertThrows(CorruptRecordException.class, () -> TfRecordReader.readAll(file));
    assertTrue(e.getMessage().contains("length checksum mismatch"), e.getMessage());
  }

  @Test
  void rejectsARecordWhoseChecksumWasChanged() {
    byte[] file = VERSION_RECORD.clone();
    file[file.length - 1] ^= (byte) 0x80;
    assertThrows(CorruptRecordException.class, () -> TfRecordReader.readAll(file));
  }

  @Test
  void rejectsAFileCutInsideARecord() {
    byte[] whole = concat(VERSION_RECORD, SCALAR_RECORD);
    for (int cut :
        new int[] {VERSION_RECORD.length + 5, VERSION_RECORD.length + 12 + 10, whole.length - 1}) {
      byte[] file = java.util.Arrays.copyOf(whole, cut);
      CorruptRecordException e =
          assertThrows(CorruptRecordException.class, () -> TfRecordReader.readAll(file));
      assertTrue(e.getMessage().contains("cut off"), e.getMessage());
    }
  }

  @Test
  void roundTripsRecordsOfEverySize() throws Exception {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    byte[][] records = new byte[300][];
    for (int n = 0; n < records.length; n++) {
      records[n] = new byte[n];
      for (int i = 0; i < n; i++) {
        records[n][i] = (byte) (i * 31 + n);
      }
      TfRecordWriter.append(file, records[n]);
    }
    List<byte[]> read = TfRecordReader.readAll(file.toByteArray());
    assertEquals(records.length, read.size());
    for (int n = 0; n < records.length; n++) {
      assertArrayEquals(records[n], read.get(n));
    }
  }

  /** Bytes from ints and ASCII strings, to quote a hex dump readably. */
  static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object p : parts) {
      if (p instanceof String s) {
        out.writeBytes(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      } else {
        out.write((Integer) p);
      }
    }
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
