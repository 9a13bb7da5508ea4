package dev.tunebeam.trainer.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * RMSprop with PyTorch's semantics (alpha 0.99, eps 1e-8, no momentum, not centered): {@code v =
 * alpha*v + (1-alpha)*g^2; w -= lr * g / (sqrt(v) + eps)}. DJL's PyTorch engine has no RMSprop of
 * its own (its {@code rmspropUpdate} throws {@code UnsupportedOperationException}).
 */
public final class RmsProp implements RowOptimizer {
  public static final float ALPHA = 0.99f;
  public static final float EPSILON = 1e-8f;

  private final float learningRate;
  private final NDArray squareAverage;

  public RmsProp(NDManager manager, Shape shape, float learningRate) {
    this.learningRate = learningRate;
    this.squareAverage = manager.zeros(shape);
  }

  @Override
  public void step(NDArray weights, NDArray gradients) {
    squareAverage.muli(ALPHA).addi(gradients.square().muli(1 - ALPHA));
    weights.subi(gradients.div(squareAverage.sqrt().addi(EPSILON)).muli(learningRate));
  }

  @Override
  public List<NDArray> state() {
    return List.of(squareAverage);
  }
}
