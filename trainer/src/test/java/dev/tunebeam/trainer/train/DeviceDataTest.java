package dev.tunebeam.trainer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tunebeam.trainer.data.Normalize;
import dev.tunebeam.trainer.data.Split;
import org.junit.jupiter.api.Test;

/**
 * The device copy of a split holds, for every one of the 256 pixel values, exactly the float that
 * {@link Normalize#apply} gives it, bit for bit, whichever normalisation: the conversion may look
 * values up, but must not round differently from the reference.
 */
class DeviceDataTest {
  @Test
  void everyPixelValueBecomesItsNormalisedFloat() {
    int images = 2;
    byte[] pixels = new byte[images * Split.PIXELS];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (i * 7);
    }
    byte[] labels = {3, 9};
    Split split = new Split(pixels, labels, images);
    try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      for (Normalize normalize : Normalize.values()) {
        try (DeviceData data = DeviceData.of(split, manager, normalize)) {
          float[] expected = new float[pixels.length];
          for (int i = 0; i < pixels.length; i++) {
            expected[i] = normalize.apply(pixels[i]);
          }
          assertEquals(new Shape(images, 1, Split.SIDE, Split.SIDE), data.images().getShape());
          assertArrayEquals(expected, data.images().toFloatArray(), 0f, normalize.name());
          assertArrayEquals(new long[] {3, 9}, data.labels().toLongArray());
        }
      }
    }
  }
}
