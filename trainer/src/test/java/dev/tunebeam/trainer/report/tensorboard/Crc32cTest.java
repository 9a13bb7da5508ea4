package dev.tunebeam.trainer.report.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Crc32cTest {
  @Test
  void checkValueOfTheCastagnoliPolynomial() {
    assertEquals(0xE3069283, Crc32c.of("123456789".getBytes(StandardCharsets.US_ASCII)));
  }

  /** RFC 3720 (iSCSI), appendix B.4 "CRC Examples". */
  @Test
  void rfc3720Examples() {
    byte[] zeros = new byte[32];
    byte[] ones = new byte[32];
    byte[] ascending = new byte[32];
    byte[] descending = new byte[32];
    for (int i = 0; i < 32; i++) {
      ones[i] = (byte) 0xff;
      ascending[i] = (byte) i;
      descending[i] = (byte) (31 - i);
    }
    assertEquals(0x8A9136AA, Crc32c.of(zeros));
    assertEquals(0x62A8AB43, Crc32c.of(ones));
    assertEquals(0x46DD794E, Crc32c.of(ascending));
    assertEquals(0x113FDB5C, Crc32c.of(descending));
  }

  /**
   * Masked values from files TensorFlow wrote, as TensorBoard's data server tests them
   * (tensorboard/data/server/masked_crc.rs and tf_record.rs at commit 70b76c9).
   */
  @Test
  void maskedValuesFromRealEventFiles() {
    byte[] fileVersionEvent = "\u001a\u0011CRC test, one two".getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(0x5794d08a, Crc32c.masked(fileVersionEvent, 0, fileVersionEvent.length));

    byte[] lengthOf24 = {0x18, 0, 0, 0, 0, 0, 0, 0};
    assertEquals(0x224b7fa3, Crc32c.masked(lengthOf24, 0, 8));
  }

  @Test
  void maskingIsAPermutationThatUnmaskReverts() {
    for (int crc : new int[] {0, 1, 0xE3069283, 0x8A9136AA, -1, Integer.MIN_VALUE, 0x12345678}) {
      assertNotEquals(crc, Crc32c.mask(crc), () -> Integer.toHexString(crc));
      assertEquals(crc, Crc32c.unmask(Crc32c.mask(crc)));
      assertEquals(crc, Crc32c.unmask(Crc32c.unmask(Crc32c.mask(Crc32c.mask(crc)))));
    }
    assertEquals(0xa282ead8, Crc32c.mask(0));
    // Rotate right by 15, then add the delta: 1 becomes 1 << 17.
    assertEquals((1 << 17) + 0xa282ead8, Crc32c.mask(1));
  }
}
