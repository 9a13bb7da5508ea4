package dev.tunebeam.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import dev.tunebeam.trainer.cli.EnumChoice;
import java.util.Locale;

/** LeNet-5's 2x2 subsampling: average (the 1998 paper) or max (the common modern variant). */
public enum Pooling {
  AVG,
  MAX;

  private static final Shape WINDOW = new Shape(2, 2);
  private static final Shape NO_PADDING = new Shape(0, 0);

  public String flagValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Pooling parse(String flag, String value) {
    return EnumChoice.parse(Pooling.class, flag, value, "is not supported");
  }

  public NDArray apply(NDArray x) {
    return this == MAX
        ? Pool.maxPool2d(x, WINDOW, WINDOW, NO_PADDING, false)
        : Pool.avgPool2d(x, WINDOW, WINDOW, NO_PADDING, false, true);
  }
}
