package dev.tunebeam.trainer.model;

import dev.tunebeam.trainer.cli.EnumChoice;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How a model's starting weights are drawn, from a Java generator so the same seed gives the same
 * weights on every engine, device and fusion width.
 *
 * <ul>
 *   <li>{@code torch} (default, the reference): PyTorch's own default for {@code Conv2d} and {@code
 *       Linear}, kaiming-uniform with a=sqrt(5) for weights and {@code U(-1/sqrt(fan_in),
 *       1/sqrt(fan_in))} for biases; with a=sqrt(5) the weight bound is also 1/sqrt(fan_in).
 *   <li>{@code he}: He-uniform weights {@code U(-sqrt(6/fan_in), sqrt(6/fan_in))}, 2.45x wider, and
 *       zero biases (tunebeam's earlier default; it learns faster in the first epoch).
 * </ul>
 */
public enum Init {
  TORCH,
  HE;

  public String flagValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Init parse(String flag, String value) {
    return EnumChoice.parse(Init.class, flag, value, "is not supported");
  }

  /** One LeNet-5's parameters, flat in {@link LeNetLayout} order. */
  public float[] lenet(long seed) {
    float[] p = new float[LeNetLayout.SIZE];
    SplittableRandom random = new SplittableRandom(seed);
    int fanIn = -1;
    for (LeNetLayout.Tensor tensor : LeNetLayout.TENSORS) {
      boolean bias = tensor.shape().length == 1;
      // Each bias follows its weight in the layout and shares its fan-in.
      fanIn = bias ? fanIn : tensor.fanIn();
      double bound =
          switch (this) {
            case TORCH -> 1 / Math.sqrt(fanIn);
            case HE -> bias ? 0 : Math.sqrt(6.0 / fanIn);
          };
      if (bound == 0) {
        continue;
      }
      for (int i = tensor.offset(); i < tensor.end(); i++) {
        p[i] = (float) random.nextDouble(-bound, bound);
      }
    }
    return p;
  }
}
