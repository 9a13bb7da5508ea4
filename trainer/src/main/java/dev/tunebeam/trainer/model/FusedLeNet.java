package dev.tunebeam.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dev.tunebeam.trainer.model.LeNetLayout.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * K LeNet-5 models computed as one wider network (HFTA, Wang et al., MLSys 2021): the models share
 * each input batch, conv1 is one convolution with {@code K*6} filters, conv2 a grouped convolution
 * with K groups and the dense layers batched matrix products. Each model keeps its own weights (a
 * row of the {@code [K, SIZE]} parameter tensor), so its gradients, and therefore its training, are
 * the same as when it is trained alone.
 *
 * <p>conv1 is the plain {@code K*6}-filter convolution, which measured faster than a matrix product
 * over unfolded patches on a 2-core CPU (docs/performance.md has the figures). Rows with the same
 * activation are expected to be contiguous: each run costs one activation call per layer.
 */
public final class FusedLeNet {
  private static final Shape UNIT = new Shape(1, 1);
  private static final Shape NO_PADDING = new Shape(0, 0);
  private static final Shape CONV1_PADDING = new Shape(2, 2);

  private final int models;
  private final Pooling pooling;
  private final List<Run> runs;

  /** {@code activations.get(k)} is row k's activation. */
  public FusedLeNet(List<Activation> activations, Pooling pooling) {
    this.models = activations.size();
    this.pooling = pooling;
    this.runs = runs(activations);
  }

  public int models() {
    return models;
  }

  /**
   * Logits {@code [K, batch, 10]} for images {@code [batch, 1, 28, 28]} under parameters {@code [K,
   * SIZE]}.
   */
  public NDArray forward(NDArray parameters, NDArray images) {
    long batch = images.getShape().get(0);
    int k = models;
    NDArray h =
        conv(
            images,
            view(parameters, LeNetLayout.CONV1_WEIGHT, k * 6L, 1, 5, 5),
            view(parameters, LeNetLayout.CONV1_BIAS, k * 6L),
            CONV1_PADDING,
            1);
    h = pooling.apply(activateChannels(h, 6));
    h =
        conv(
            h,
            view(parameters, LeNetLayout.CONV2_WEIGHT, k * 16L, 6, 5, 5),
            view(parameters, LeNetLayout.CONV2_BIAS, k * 16L),
            NO_PADDING,
            k);
    h = pooling.apply(activateChannels(h, 16));
    // [batch, K*16, 5, 5] -> [K, batch, 400]: model k's 400 features in PyTorch's flatten order.
    h = h.reshape(batch, k, 400).transpose(1, 0, 2);
    h = activateFeatures(dense(h, LeNetLayout.FC1_WEIGHT, LeNetLayout.FC1_BIAS, parameters));
    h = activateFeatures(dense(h, LeNetLayout.FC2_WEIGHT, LeNetLayout.FC2_BIAS, parameters));
    return dense(h, LeNetLayout.FC3_WEIGHT, LeNetLayout.FC3_BIAS, parameters);
  }

  private NDArray dense(NDArray x, Tensor weight, Tensor bias, NDArray parameters) {
    long[] w = weight.shape();
    return x.matMul(view(parameters, weight, models, w[0], w[1]))
        .add(view(parameters, bias, models, 1, w[1]));
  }

  private static NDArray conv(NDArray x, NDArray weight, NDArray bias, Shape padding, int groups) {
    return x.getNDArrayInternal().convolution(x, weight, bias, UNIT, padding, UNIT, groups).head();
  }

  private static NDArray view(NDArray parameters, Tensor tensor, long... shape) {
    return parameters.get(Slices.columns(tensor.offset(), tensor.end())).reshape(shape);
  }

  private NDArray activateChannels(NDArray x, int channels) {
    if (runs.size() == 1) {
      return runs.get(0).activation.onChannels(x, channels);
    }
    NDList parts = new NDList(runs.size());
    for (Run run : runs) {
      parts.add(
          run.activation.onChannels(
              x.get(Slices.columns((long) run.from * channels, (long) run.to * channels)),
              channels));
    }
    return NDArrays.concat(parts, 1);
  }

  private NDArray activateFeatures(NDArray x) {
    if (runs.size() == 1) {
      return runs.get(0).activation.onFeatures(x);
    }
    NDList parts = new NDList(runs.size());
    for (Run run : runs) {
      parts.add(run.activation.onFeatures(x.get(Slices.rows(run.from, run.to))));
    }
    return NDArrays.concat(parts, 0);
  }

  private static List<Run> runs(List<Activation> activations) {
    List<Run> runs = new ArrayList<>();
    int from = 0;
    for (int i = 1; i <= activations.size(); i++) {
      if (i == activations.size() || activations.get(i) != activations.get(from)) {
        runs.add(new Run(activations.get(from), from, i));
        from = i;
      }
    }
    return runs;
  }

  private record Run(Activation activation, int from, int to) {}
}
