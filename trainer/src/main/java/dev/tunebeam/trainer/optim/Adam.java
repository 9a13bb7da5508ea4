package dev.tunebeam.trainer.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/** Adam as PyTorch computes it (betas 0.9/0.999, eps 1e-8 added after the bias-corrected root). */
public final class Adam implements RowOptimizer {
  public static final float BETA1 = 0.9f;
  public static final float BETA2 = 0.999f;
  public static final float EPSILON = 1e-8f;

  private final float learningRate;
  private final NDArray mean;
  private final NDArray variance;
  private int t;

  public Adam(NDManager manager, Shape shape, float learningRate) {
    this.learningRate = learningRate;
    this.mean = manager.zeros(shape);
    this.variance = manager.zeros(shape);
  }

  @Override
  public void step(NDArray weights, NDArray gradients) {
    t++;
    double correction1 = 1 - Math.pow(BETA1, t);
    double correction2 = 1 - Math.pow(BETA2, t);
    mean.muli(BETA1).addi(gradients.mul(1 - BETA1));
    variance.muli(BETA2).addi(gradients.square().muli(1 - BETA2));
    NDArray denominator = variance.sqrt().divi((float) Math.sqrt(correction2)).addi(EPSILON);
    weights.subi(mean.div(denominator).muli((float) (learningRate / correction1)));
  }

  @Override
  public List<NDArray> state() {
    return List.of(mean, variance);
  }

  @Override
  public int steps() {
    return t;
  }

  @Override
  public void restoreSteps(int steps) {
    t = steps;
  }
}
