package dev.tunebeam.trainer.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/** SGD with momentum, PyTorch's form: {@code buf = momentum*buf + g; w -= lr*buf}. */
public final class Sgd implements RowOptimizer {
  /** The default momentum, PyTorch's usual choice for LeNet. */
  public static final float MOMENTUM = 0.9f;

  private final float learningRate;
  private final float momentum;
  private final NDArray velocity;

  public Sgd(NDManager manager, Shape shape, float learningRate, float momentum) {
    this.learningRate = learningRate;
    this.momentum = momentum;
    this.velocity = manager.zeros(shape);
  }

  @Override
  public void step(NDArray weights, NDArray gradients) {
    velocity.muli(momentum).addi(gradients);
    weights.subi(velocity.mul(learningRate));
  }

  @Override
  public List<NDArray> state() {
    return List.of(velocity);
  }
}
