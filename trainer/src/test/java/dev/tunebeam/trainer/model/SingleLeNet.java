package dev.tunebeam.trainer.model;

/**
 * One LeNet-5 forward pass in plain loops and doubles: the independent reference for FusedLeNet's
 * tests.
 */
final class SingleLeNet {
  private SingleLeNet() {}

  static double[] logits(
      float[] p, float[] images, int image, Activation activation, Pooling pooling) {
    double[][][] x = new double[1][28][28];
    for (int i = 0; i < 28; i++) {
      for (int j = 0; j < 28; j++) {
        x[0][i][j] = images[image * 784 + i * 28 + j];
      }
    }
    x =
        pool(
            activateChannels(
                conv(x, p, LeNetLayout.CONV1_WEIGHT, LeNetLayout.CONV1_BIAS, 2), activation),
            pooling);
    x =
        pool(
            activateChannels(
                conv(x, p, LeNetLayout.CONV2_WEIGHT, LeNetLayout.CONV2_BIAS, 0), activation),
            pooling);
    double[] h = new double[400];
    for (int c = 0; c < 16; c++) {
      for (int i = 0; i < 5; i++) {
        for (int j = 0; j < 5; j++) {
          h[c * 25 + i * 5 + j] = x[c][i][j];
        }
      }
    }
    h = activateFeatures(dense(h, p, LeNetLayout.FC1_WEIGHT, LeNetLayout.FC1_BIAS), activation);
    h = activateFeatures(dense(h, p, LeNetLayout.FC2_WEIGHT, LeNetLayout.FC2_BIAS), activation);
    return dense(h, p, LeNetLayout.FC3_WEIGHT, LeNetLayout.FC3_BIAS);
  }

  /** Cross-correlation with weight [out, in, 5, 5], zero padding {@code pad}, stride 1. */
  private static double[][][] conv(
      double[][][] x, float[] p, LeNetLayout.Tensor w, LeNetLayout.Tensor bias, int pad) {
    int out = (int) w.shape()[0];
    int in = (int) w.shape()[1];
    int size = x[0].length + 2 * pad - 4;
    double[][][] y = new double[out][size][size];
    for (int o = 0; o < out; o++) {
      for (int i = 0; i < size; i++) {
        for (int j = 0; j < size; j++) {
          double s = p[bias.offset() + o];
          for (int c = 0; c < in; c++) {
            for (int di = 0; di < 5; di++) {
              for (int dj = 0; dj < 5; dj++) {
                int r = i + di - pad;
                int q = j + dj - pad;
                if (r >= 0 && q >= 0 && r < x[0].length && q < x[0].length) {
                  s += p[w.offset() + ((o * in + c) * 5 + di) * 5 + dj] * x[c][r][q];
                }
              }
            }
          }
          y[o][i][j] = s;
        }
      }
    }
    return y;
  }

  private static double[][][] pool(double[][][] x, Pooling pooling) {
    int size = x[0].length / 2;
    double[][][] y = new double[x.length][size][size];
    for (int c = 0; c < x.length; c++) {
      for (int i = 0; i < size; i++) {
        for (int j = 0; j < size; j++) {
          double a = x[c][2 * i][2 * j];
          double b = x[c][2 * i][2 * j + 1];
          double d = x[c][2 * i + 1][2 * j];
          double e = x[c][2 * i + 1][2 * j + 1];
          y[c][i][j] =
              pooling == Pooling.MAX
                  ? Math.max(Math.max(a, b), Math.max(d, e))
                  : (a + b + d + e) / 4;
        }
      }
    }
    return y;
  }

  /** Softmax normalises over the channels at each pixel; the others act elementwise. */
  private static double[][][] activateChannels(double[][][] x, Activation a) {
    int n = x[0].length;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double[] v = new double[x.length];
        for (int c = 0; c < x.length; c++) {
          v[c] = x[c][i][j];
        }
        v = activateFeatures(v, a);
        for (int c = 0; c < x.length; c++) {
          x[c][i][j] = v[c];
        }
      }
    }
    return x;
  }

  private static double[] activateFeatures(double[] v, Activation a) {
    double[] y = new double[v.length];
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    if (a == Activation.SOFTMAX) {
      for (double x : v) {
        max = Math.max(max, x);
      }
      for (double x : v) {
        sum += Math.exp(x - max);
      }
    }
    for (int i = 0; i < v.length; i++) {
      y[i] =
          switch (a) {
            case RELU -> Math.max(0, v[i]);
            case LEAKYRELU -> v[i] > 0 ? v[i] : Activation.LEAKY_SLOPE * v[i];
            case TANH -> Math.tanh(v[i]);
            case SIGMOID -> 1 / (1 + Math.exp(-v[i]));
            case SOFTMAX -> Math.exp(v[i] - max) / sum;
          };
    }
    return y;
  }

  /** {@code x W + b} with W stored [in, out]. */
  private static double[] dense(
      double[] x, float[] p, LeNetLayout.Tensor w, LeNetLayout.Tensor bias) {
    int in = (int) w.shape()[0];
    int out = (int) w.shape()[1];
    double[] y = new double[out];
    for (int o = 0; o < out; o++) {
      double s = p[bias.offset() + o];
      for (int i = 0; i < in; i++) {
        s += x[i] * p[w.offset() + i * out + o];
      }
      y[o] = s;
    }
    return y;
  }
}
