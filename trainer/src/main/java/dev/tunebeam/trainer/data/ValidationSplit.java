package dev.tunebeam.trainer.data;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

/**
 * Which training images are held out for validation: {@code samples} of them, drawn by a seeded
 * permutation of the whole training file, so every trial of a study (any training seed, any {@code
 * train_samples}) validates on the same images. {@code indicesSha256} is the SHA-256 of the chosen
 * indices, ascending, as 4-byte big-endian integers: two runs with equal checksums validated on the
 * same images.
 */
public record ValidationSplit(long seed, int samples, String indicesSha256) {
  public static final int DEFAULT_SAMPLES = 5000;

  /**
   * Independent of the training seed on purpose: repeats with seeds 42, 43, ... share one split.
   */
  public static final long DEFAULT_SEED = 20_240_601L;

  /** The split's train part, its validation part and the record of which images were held out. */
  public record Parts(Split train, Split validation, ValidationSplit split) {}

  /**
   * Holds {@code samples} images of {@code all} out, then keeps the first {@code trainLimit} of the
   * rest (all when {@code <= 0}), in file order. With {@code samples == 0} there is no validation
   * part and {@code split} is null.
   */
  public static Parts hold(Split all, int samples, long seed, int trainLimit) {
    if (samples < 0 || samples >= all.count()) {
      throw new IllegalArgumentException(
          "--validation-samples "
              + samples
              + " is not allowed; use 0 (no validation split) to "
              + (all.count() - 1)
              + " of the "
              + all.count()
              + " training images");
    }
    int[] held = heldIndices(all.count(), samples, seed);
    boolean[] isHeld = new boolean[all.count()];
    for (int i : held) {
      isHeld[i] = true;
    }
    int remaining = all.count() - samples;
    int trainCount = trainLimit <= 0 ? remaining : Math.min(trainLimit, remaining);
    int[] kept = new int[trainCount];
    for (int i = 0, n = 0; n < trainCount; i++) {
      if (!isHeld[i]) {
        kept[n++] = i;
      }
    }
    Split train = select(all, kept);
    if (samples == 0) {
      return new Parts(train, null, null);
    }
    return new Parts(train, select(all, held), new ValidationSplit(seed, samples, checksum(held)));
  }

  /**
   * The held-out indices among {@code count} images, ascending: the first {@code samples} of a
   * seeded shuffle.
   */
  public static int[] heldIndices(int count, int samples, long seed) {
    int[] order = new int[count];
    Arrays.setAll(order, i -> i);
    Random random = new Random(seed);
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int[] held = Arrays.copyOf(order, samples);
    Arrays.sort(held);
    return held;
  }

  private static Split select(Split all, int[] indices) {
    byte[] pixels = new byte[indices.length * Split.PIXELS];
    byte[] labels = new byte[indices.length];
    for (int n = 0; n < indices.length; n++) {
      System.arraycopy(
          all.pixels(), indices[n] * Split.PIXELS, pixels, n * Split.PIXELS, Split.PIXELS);
      labels[n] = all.labels()[indices[n]];
    }
    return new Split(pixels, labels, indices.length);
  }

  private static String checksum(int[] indices) {
    ByteBuffer bytes = ByteBuffer.allocate(indices.length * Integer.BYTES);
    for (int i : indices) {
      bytes.putInt(i);
    }
    return FashionMnistLoader.sha256(bytes.array());
  }
}
