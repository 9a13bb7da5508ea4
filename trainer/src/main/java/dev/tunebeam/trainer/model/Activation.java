package dev.tunebeam.trainer.model;

import ai.djl.ndarray.NDArray;
import dev.tunebeam.trainer.cli.EnumChoice;
import java.util.Locale;

/**
 * The hidden-layer activations. {@code softmax} is in the set because the reference grid uses it as
 * a hidden activation; like Keras' {@code Conv2D(activation="softmax")} it normalises over a
 * model's own channels at each pixel, and over the features of a dense layer.
 */
public enum Activation {
  RELU,
  LEAKYRELU,
  SOFTMAX,
  TANH,
  SIGMOID;

  /** PyTorch's default negative slope for {@code nn.LeakyReLU}. */
  public static final float LEAKY_SLOPE = 0.01f;

  public String flagValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Activation parse(String flag, String value) {
    return EnumChoice.parse(Activation.class, flag, value, "is not supported");
  }

  public static String allowed() {
    return EnumChoice.allowed(Activation.class);
  }

  /**
   * Applies the activation to convolution output {@code [batch, models * channels, h, w]}, where
   * each model owns {@code channels} consecutive channels.
   */
  public NDArray onChannels(NDArray x, int channels) {
    if (this != SOFTMAX) {
      return elementwise(x);
    }
    long[] s = x.getShape().getShape();
    return x.reshape(s[0], s[1] / channels, channels, s[2] * s[3]).softmax(2).reshape(s);
  }

  /** Applies the activation to dense output {@code [models, batch, features]}. */
  public NDArray onFeatures(NDArray x) {
    return this == SOFTMAX ? x.softmax(2) : elementwise(x);
  }

  private NDArray elementwise(NDArray x) {
    return switch (this) {
      case RELU -> x.getNDArrayInternal().relu();
      case LEAKYRELU -> x.getNDArrayInternal().leakyRelu(LEAKY_SLOPE);
      case TANH -> x.tanh();
      case SIGMOID -> x.getNDArrayInternal().sigmoid();
      case SOFTMAX -> throw new IllegalStateException("softmax is not elementwise");
    };
  }
}
