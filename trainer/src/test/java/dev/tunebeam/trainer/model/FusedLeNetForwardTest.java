package dev.tunebeam.trainer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * FusedLeNet's logits against LeNet-5 written out in plain loops here, one model at a time, from
 * the same flat parameters ({@link LeNetLayout}: dense weights {@code [in, out]}, flatten in
 * channel, row, column order). Four models, two of them softmax (which normalises over a model's
 * own channels), share a batch, under both poolings, so a model reading another's channels, a wrong
 * flatten order or a transposed weight shows up as a wrong logit.
 */
class FusedLeNetForwardTest {
  private static final int BATCH = 3;
  private static NDManager manager;

  @BeforeAll
  static void engine() {
    manager = NDManager.newBaseManager(Device.cpu());
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  @Test
  void logitsOfEachFusedModelEqualAnIndependentSingleModelComputation() {
    List<Activation> activations =
        List.of(Activation.RELU, Activation.SOFTMAX, Activation.SOFTMAX, Activation.TANH);
    SplittableRandom random = new SplittableRandom(3);
    float[] images = new float[BATCH * 28 * 28];
    for (int i = 0; i < images.length; i++) {
      images[i] = (float) random.nextDouble();
    }
    float[][] params = new float[activations.size()][];
    float[] flat = new float[activations.size() * LeNetLayout.SIZE];
    for (int k = 0; k < activations.size(); k++) {
      params[k] = Init.TORCH.lenet(100 + k);
      // Non-zero biases everywhere, and wider weights, so every term matters; softmax layers need
      // much wider ones, or their nearly uniform outputs hide which channels they normalised over.
      float scale = activations.get(k) == Activation.SOFTMAX ? 12f : 2.5f;
      for (int i = 0; i < LeNetLayout.SIZE; i++) {
        params[k][i] *= scale;
      }
      System.arraycopy(params[k], 0, flat, k * LeNetLayout.SIZE, LeNetLayout.SIZE);
    }
    for (Pooling pooling : Pooling.values()) {
      NDArray logits =
          new FusedLeNet(activations, pooling)
              .forward(
                  manager.create(flat, new Shape(activations.size(), LeNetLayout.SIZE)),
                  manager.create(images, new Shape(BATCH, 1, 28, 28)));
      float[] got = logits.toFloatArray();
      for (int k = 0; k < activations.size(); k++) {
        for (int b = 0; b < BATCH; b++) {
          double[] expected = SingleLeNet.logits(params[k], images, b, activations.get(k), pooling);
          for (int c = 0; c < LeNetLayout.CLASSES; c++) {
            assertEquals(
                expected[c],
                got[(k * BATCH + b) * LeNetLayout.CLASSES + c],
                1e-4,
                activations.get(k) + " " + pooling + " image " + b + " class " + c);
          }
        }
      }
    }
  }
}
