package dev.tunebeam.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.tunebeam.trainer.data.Normalize;
import dev.tunebeam.trainer.data.Split;

/**
 * A split normalised once ({@link Normalize}) and held as one NDArray on the training device, so
 * batches are slices and nothing crosses to the device per step.
 */
public final class DeviceData implements AutoCloseable {
  private final NDArray images;
  private final NDArray labels;
  private final int count;

  private DeviceData(NDArray images, NDArray labels, int count) {
    this.images = images;
    this.labels = labels;
    this.count = count;
  }

  /** With the reference's inputs: pixels / 255. */
  public static DeviceData of(Split split, NDManager manager) {
    return of(split, manager, Normalize.NONE);
  }

  public static DeviceData of(Split split, NDManager manager, Normalize normalize) {
    int n = split.count();
    float[] pixels = new float[n * Split.PIXELS];
    byte[] raw = split.pixels();
    // A pixel has 256 values: normalising each once and looking it up gives the same floats as
    // normalising every pixel, and leaves the JIT a loop it compiles in a fraction of the time (a
    // fresh worker converts 23,000 images per job before that loop is compiled).
    float[] table = new float[256];
    for (int v = 0; v < table.length; v++) {
      table[v] = normalize.apply((byte) v);
    }
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = table[raw[i] & 0xff];
    }
    long[] labels = new long[n];
    for (int i = 0; i < n; i++) {
      labels[i] = split.labels()[i];
    }
    NDArray x = manager.create(pixels, new Shape(n, 1, Split.SIDE, Split.SIDE));
    NDArray y = manager.create(labels).toType(DataType.INT64, false);
    return new DeviceData(x, y, n);
  }

  public NDArray images() {
    return images;
  }

  public NDArray labels() {
    return labels;
  }

  public int count() {
    return count;
  }

  @Override
  public void close() {
    images.close();
    labels.close();
  }
}
