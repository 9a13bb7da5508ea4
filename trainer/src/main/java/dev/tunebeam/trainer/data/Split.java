package dev.tunebeam.trainer.data;

/** One split of the dataset: {@code count} 28x28 images as unsigned bytes, and their labels. */
public record Split(byte[] pixels, byte[] labels, int count) {
  public static final int SIDE = 28;
  public static final int PIXELS = SIDE * SIDE;
}
