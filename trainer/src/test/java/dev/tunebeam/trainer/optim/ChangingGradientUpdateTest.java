package dev.tunebeam.trainer.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Adam and RMSprop over 25 steps whose gradients change every step (in sign and in size over four
 * orders of magnitude), against PyTorch's update rules written out here in double precision. A
 * constant gradient hides wrong betas, a missing bias correction or eps in the wrong place (all
 * give lr * sign(g)); these gradients do not. Updates go through a view of row 1 of a three-row
 * tensor, as the fused trainer's are, and the other rows must not move.
 */
class ChangingGradientUpdateTest {
  private static final int N = 8;
  private static final int STEPS = 25;
  private static NDManager manager;

  @BeforeAll
  static void engine() {
    manager = NDManager.newBaseManager(Device.cpu());
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  /** Step {@code t}'s gradients: signs that flip, sizes from 1e-4 to 1, one exact zero. */
  private static double[][] gradients() {
    SplittableRandom random = new SplittableRandom(7);
    double[][] g = new double[STEPS][N];
    for (int t = 0; t < STEPS; t++) {
      for (int i = 0; i < N; i++) {
        double size = Math.pow(10, -4 + 4 * random.nextDouble());
        g[t][i] =
            i == N - 1 && t % 5 == 0
                ? 0
                : (random.nextBoolean() ? size : -size) * (1 + 0.5 * Math.sin(t + i));
      }
    }
    return g;
  }

  private static double[] start() {
    double[] w = new double[N];
    for (int i = 0; i < N; i++) {
      w[i] = 0.3 * (i - 3.5);
    }
    return w;
  }

  /**
   * Runs the optimizer on row 1 of a [3, N] tensor; checks rows 0 and 2 stayed put and returns row
   * 1.
   */
  private static double[] run(OptimizerKind kind, float lr, double[][] g) {
    float[] rows = new float[3 * N];
    double[] w0 = start();
    for (int i = 0; i < N; i++) {
      rows[i] = 7f;
      rows[N + i] = (float) w0[i];
      rows[2 * N + i] = -7f;
    }
    NDArray weights = manager.create(rows, new Shape(3, N));
    RowOptimizer optimizer = kind.create(manager, new Shape(1, N), lr, 0f);
    for (double[] step : g) {
      float[] grads = new float[3 * N];
      for (int i = 0; i < N; i++) {
        grads[i] = 100f;
        grads[N + i] = (float) step[i];
        grads[2 * N + i] = 100f;
      }
      NDArray gradient = manager.create(grads, new Shape(3, N));
      optimizer.step(weights.get("1:2"), gradient.get("1:2"));
    }
    float[] after = weights.toFloatArray();
    double[] row = new double[N];
    for (int i = 0; i < N; i++) {
      assertEquals(7f, after[i], "row 0 does not move");
      assertEquals(-7f, after[2 * N + i], "row 2 does not move");
      row[i] = after[N + i];
    }
    return row;
  }

  @Test
  void adamFollowsPyTorchWithGradientsThatChange() {
    double lr = 0.01;
    double beta1 = 0.9;
    double beta2 = 0.999;
    double eps = 1e-8;
    double[][] g = gradients();
    double[] w = start();
    double[] m = new double[N];
    double[] v = new double[N];
    for (int t = 1; t <= STEPS; t++) {
      for (int i = 0; i < N; i++) {
        m[i] = beta1 * m[i] + (1 - beta1) * g[t - 1][i];
        v[i] = beta2 * v[i] + (1 - beta2) * g[t - 1][i] * g[t - 1][i];
        // torch.optim.Adam: denom = sqrt(v) / sqrt(1 - beta2^t) + eps; step = lr / (1 - beta1^t)
        double denominator = Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(beta2, t)) + eps;
        w[i] -= lr / (1 - Math.pow(beta1, t)) * m[i] / denominator;
      }
    }
    assertClose(w, run(OptimizerKind.ADAM, (float) lr, g));
  }

  @Test
  void rmspropFollowsPyTorchWithGradientsThatChange() {
    double lr = 0.01;
    double alpha = 0.99;
    double eps = 1e-8;
    double[][] g = gradients();
    double[] w = start();
    double[] s = new double[N];
    for (int t = 0; t < STEPS; t++) {
      for (int i = 0; i < N; i++) {
        s[i] = alpha * s[i] + (1 - alpha) * g[t][i] * g[t][i];
        // torch.optim.RMSprop (not centered, no momentum): w -= lr * g / (sqrt(s) + eps)
        w[i] -= lr * g[t][i] / (Math.sqrt(s[i]) + eps);
      }
    }
    assertClose(w, run(OptimizerKind.RMSPROP, (float) lr, g));
  }

  /**
   * Float32 against double over 25 steps: 2e-5 is a tenth of the smallest single-step difference a
   * wrong constant makes.
   */
  private static void assertClose(double[] expected, double[] actual) {
    for (int i = 0; i < N; i++) {
      assertEquals(expected[i], actual[i], 2e-5, "weight " + i);
    }
  }
}
