package dev.tunebeam.trainer.model;

import java.util.List;

/**
 * Where each LeNet-5 tensor lives in a model's flat parameter vector. One model is one row of a
 * {@code [models, SIZE]} tensor, so a fused group's layers are views of that tensor and one
 * optimizer call updates a run of models at once.
 *
 * <p>Dense weights are stored {@code [in, out]} so a batched matrix product needs no transpose.
 */
public final class LeNetLayout {
  public static final int CLASSES = 10;

  public static final Tensor CONV1_WEIGHT = new Tensor("conv1.weight", 0, 6, 1, 5, 5);
  public static final Tensor CONV1_BIAS = CONV1_WEIGHT.next("conv1.bias", 6);
  public static final Tensor CONV2_WEIGHT = CONV1_BIAS.next("conv2.weight", 16, 6, 5, 5);
  public static final Tensor CONV2_BIAS = CONV2_WEIGHT.next("conv2.bias", 16);
  public static final Tensor FC1_WEIGHT = CONV2_BIAS.next("fc1.weight", 400, 120);
  public static final Tensor FC1_BIAS = FC1_WEIGHT.next("fc1.bias", 120);
  public static final Tensor FC2_WEIGHT = FC1_BIAS.next("fc2.weight", 120, 84);
  public static final Tensor FC2_BIAS = FC2_WEIGHT.next("fc2.bias", 84);
  public static final Tensor FC3_WEIGHT = FC2_BIAS.next("fc3.weight", 84, CLASSES);
  public static final Tensor FC3_BIAS = FC3_WEIGHT.next("fc3.bias", CLASSES);

  public static final List<Tensor> TENSORS =
      List.of(
          CONV1_WEIGHT,
          CONV1_BIAS,
          CONV2_WEIGHT,
          CONV2_BIAS,
          FC1_WEIGHT,
          FC1_BIAS,
          FC2_WEIGHT,
          FC2_BIAS,
          FC3_WEIGHT,
          FC3_BIAS);

  /** Parameters per model: 61,706. */
  public static final int SIZE = FC3_BIAS.end();

  private LeNetLayout() {}

  /** One named tensor: its offset in the flat vector and its shape. */
  public record Tensor(String name, int offset, long... shape) {
    public int size() {
      long n = 1;
      for (long d : shape) {
        n *= d;
      }
      return (int) n;
    }

    public int end() {
      return offset + size();
    }

    /** Inputs feeding one output unit: PyTorch's fan-in, which sets the default init bound. */
    public int fanIn() {
      if (shape.length == 4) {
        return (int) (shape[1] * shape[2] * shape[3]);
      }
      return shape.length == 2 ? (int) shape[0] : -1;
    }

    Tensor next(String name, long... shape) {
      return new Tensor(name, end(), shape);
    }
  }
}
