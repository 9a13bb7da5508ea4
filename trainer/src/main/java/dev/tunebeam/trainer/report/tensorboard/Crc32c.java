package dev.tunebeam.trainer.report.tensorboard;

import java.util.zip.CRC32C;

/**
 * CRC32C (Castagnoli) as TFRecord files use it: stored masked, because a CRC computed over data
 * that itself holds CRCs is weak, and masking breaks that pattern (the rotation and constant are
 * TensorFlow's {@code crc32c::Mask}).
 */
public final class Crc32c {
  private static final int MASK_DELTA = 0xa282ead8;

  private Crc32c() {}

  public static int of(byte[] data) {
    return of(data, 0, data.length);
  }

  public static int of(byte[] data, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(data, offset, length);
    return (int) crc.getValue();
  }

  public static int mask(int crc) {
    return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
  }

  public static int unmask(int masked) {
    int rotated = masked - MASK_DELTA;
    return (rotated >>> 17) | (rotated << 15);
  }

  public static int masked(byte[] data, int offset, int length) {
    return mask(of(data, offset, length));
  }
}
