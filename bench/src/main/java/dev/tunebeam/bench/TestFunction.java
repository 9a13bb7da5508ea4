package dev.tunebeam.bench;

import dev.tunebeam.transforms.space.Scale;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.SearchSpaceBuilder;
import java.util.Map;

/**
 * The two test functions of the Ax comparison (wandb/sweeps#118), to minimise: Branin on {@code
 * [-5, 10] x [0, 15]} (optimum 0.397887, at three points) and Hartmann-6 on the unit cube (optimum
 * -3.32237). Each names its optimum and the figure Ax reached in 25 trials (median over 16
 * repetitions). {@code synthetic_functions.py} computes the same functions for a trainer under the
 * trial contract.
 */
enum TestFunction {
  BRANIN("branin", 0.397887, "0.442 +- 0.008"),
  HARTMANN6("hartmann6", -3.32237, "-2.835 +- 0.121");

  /** The metric a trial reports. */
  static final String METRIC = "value";

  private static final double[][] A = {
    {10, 3, 17, 3.5, 1.7, 8},
    {0.05, 10, 17, 0.1, 8, 14},
    {3, 3.5, 1.7, 10, 17, 8},
    {17, 8, 0.05, 10, 0.1, 14}
  };
  private static final double[][] P = {
    {1312, 1696, 5569, 124, 8283, 5886},
    {2329, 4135, 8307, 3736, 1004, 9991},
    {2348, 1451, 3522, 2883, 3047, 6650},
    {4047, 8828, 8732, 5743, 1091, 381}
  };
  private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};

  private final String key;
  private final double optimum;
  private final String axFigure;

  TestFunction(String key, double optimum, String axFigure) {
    this.key = key;
    this.optimum = optimum;
    this.axFigure = axFigure;
  }

  static TestFunction named(String key) {
    for (TestFunction f : values()) {
      if (f.key.equals(key)) {
        return f;
      }
    }
    throw new IllegalArgumentException("--functions " + key + " is not one of branin, hartmann6");
  }

  String key() {
    return key;
  }

  double optimum() {
    return optimum;
  }

  String axFigure() {
    return axFigure;
  }

  /**
   * Its parameters (x1, x2 or x1..x6) and fixed values as {@code FunctionStudy} writes them, so a
   * point has the same trial id in process as through the contract.
   */
  SearchSpaceBuilder space(String study) {
    SearchSpaceBuilder b =
        SearchSpace.builder(study)
            .fixed("function", key)
            .passThrough("function")
            .fixed("num_epochs", "1");
    if (this == BRANIN) {
      b.doubleRange("x1", -5, 10, Scale.LINEAR, null).passThrough("x1");
      b.doubleRange("x2", 0, 15, Scale.LINEAR, null).passThrough("x2");
    } else {
      for (int j = 1; j <= 6; j++) {
        b.doubleRange("x" + j, 0, 1, Scale.LINEAR, null).passThrough("x" + j);
      }
    }
    return b;
  }

  double value(Map<String, String> p) {
    return this == BRANIN ? branin(x(p, 1), x(p, 2)) : hartmann6(p);
  }

  private static double x(Map<String, String> p, int j) {
    return Double.parseDouble(p.get("x" + j));
  }

  static double branin(double x1, double x2) {
    double b = 5.1 / (4 * Math.PI * Math.PI);
    double c = 5 / Math.PI;
    double t = 1 / (8 * Math.PI);
    double u = x2 - b * x1 * x1 + c * x1 - 6;
    return u * u + 10 * (1 - t) * Math.cos(x1) + 10;
  }

  private static double hartmann6(Map<String, String> p) {
    double s = 0;
    for (int i = 0; i < 4; i++) {
      double e = 0;
      for (int j = 0; j < 6; j++) {
        e += A[i][j] * Math.pow(x(p, j + 1) - P[i][j] * 1e-4, 2);
      }
      s += ALPHA[i] * Math.exp(-e);
    }
    return -s;
  }
}
