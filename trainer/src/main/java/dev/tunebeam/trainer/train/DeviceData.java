package dev.tunebeam.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.tunebeam.trainer.data.Normalize;
import dev.tunebeam.trainer.data.Split;
import java.nio.ByteBuffer;

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
    // A pixel has 256 values: each is normalised once in Java, and the engine looks every pixel up
    // in that table. The same floats as normalising pixel by pixel, with no per-pixel loop for a
    // fresh worker to interpret and then compile (23,000 images per job).
    float[] table = new float[256];
    for (int v = 0; v < table.length; v++) {
      table[v] = normalize.apply((byte) v);
    }
    Shape shape = new Shape(n, 1, Split.SIDE, Split.SIDE);
    NDArray x;
    try (NDArray values = manager.create(table);
        NDArray bytes =
            manager.create(
                ByteBuffer.wrap(split.pixels(), 0, n * Split.PIXELS), shape, DataType.UINT8);
        NDArray codes = bytes.toType(DataType.INT64, false)) {
      x = values.get(codes);
    }
    long[] labels = new long[n];
    for (int i = 0; i < n; i++) {
      labels[i] = split.labels()[i];
    }
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
