package dev.tunebeam.trainer.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One or two updates of each optimizer against numbers computed by hand with PyTorch's formulas,
 * updating row 0 of a two-row tensor through a view, as the fused trainer does: row 1 must not
 * move.
 */
class OptimizerUpdateTest {
  private static NDManager manager;

  @BeforeAll
  static void engine() {
    manager = NDManager.newBaseManager(Device.cpu());
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  private static final float[] W = {1.0f, -2.0f, 0.5f, 3.0f};
  private static final float[] G = {0.5f, -1.0f, 2.0f, 0.0f};

  private float[] stepTwiceThroughView(OptimizerKind kind, float lr) {
    return stepTwiceThroughView(kind, lr, Sgd.MOMENTUM);
  }

  private float[] stepTwiceThroughView(OptimizerKind kind, float lr, float momentum) {
    NDArray weights = manager.create(W, new Shape(2, 2));
    RowOptimizer o = kind.create(manager, new Shape(1, 2), lr, momentum);
    NDArray grads = manager.create(G, new Shape(2, 2));
    o.step(weights.get("0:1"), grads.get("0:1"));
    o.step(weights.get("0:1"), grads.get("0:1"));
    return weights.toFloatArray();
  }

  @Test
  void rmspropMatchesHandComputedUpdate() {
    // v1 = 0.01 g^2; w1 = w - lr g / (sqrt(v1) + eps) = w - lr * sign(g) / 0.1 (for g != 0)
    // v2 = 0.99 v1 + 0.01 g^2 = 0.0199 g^2; w2 = w1 - lr g / (sqrt(0.0199) |g|)
    float lr = 0.01f;
    float step1 = lr / 0.1f;
    float step2 = (float) (lr / Math.sqrt(0.0199));
    float[] expected = {1.0f - step1 - step2, -2.0f + step1 + step2, 0.5f, 3.0f};
    assertArrayEquals(expected, stepTwiceThroughView(OptimizerKind.RMSPROP, lr), 1e-5f);
  }

  @Test
  void adamMatchesHandComputedUpdate() {
    // With bias correction, Adam's first steps move each weight by lr * sign(g) (eps aside).
    float lr = 0.001f;
    float[] expected = {1.0f - 2 * lr, -2.0f + 2 * lr, 0.5f, 3.0f};
    assertArrayEquals(expected, stepTwiceThroughView(OptimizerKind.ADAM, lr), 1e-6f);
  }

  @Test
  void sgdWithMomentumMatchesHandComputedUpdate() {
    // buf1 = g; w1 = w - lr g; buf2 = 0.9 g + g = 1.9 g; w2 = w1 - lr 1.9 g
    float lr = 0.1f;
    float[] expected = W.clone();
    for (int i = 0; i < 2; i++) {
      expected[i] = W[i] - lr * G[i] - lr * 1.9f * G[i];
    }
    assertArrayEquals(expected, stepTwiceThroughView(OptimizerKind.SGD, lr), 1e-6f);
  }

  @Test
  void sgdHonoursItsMomentum() {
    // buf1 = g; w1 = w - lr g; buf2 = 0.5 g + g = 1.5 g; w2 = w1 - lr 1.5 g
    float lr = 0.1f;
    float[] expected = W.clone();
    for (int i = 0; i < 2; i++) {
      expected[i] = W[i] - lr * G[i] - lr * 1.5f * G[i];
    }
    assertArrayEquals(expected, stepTwiceThroughView(OptimizerKind.SGD, lr, 0.5f), 1e-6f);
  }

  @Test
  void defaultsAreDocumentedOnes() {
    assertArrayEquals(
        new float[] {0.01f, 0.001f, 0.001f},
        new float[] {
          OptimizerKind.SGD.defaultLearningRate(),
          OptimizerKind.ADAM.defaultLearningRate(),
          OptimizerKind.RMSPROP.defaultLearningRate()
        });
  }
}
