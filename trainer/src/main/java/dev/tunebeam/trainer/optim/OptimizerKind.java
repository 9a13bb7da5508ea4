package dev.tunebeam.trainer.optim;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tunebeam.trainer.cli.EnumChoice;
import java.util.Locale;

/**
 * The optimizers a trial can name, with the learning rate used when none is given: SGD 0.01
 * (momentum 0.9), Adam 0.001, RMSprop 0.001 (Keras' default; PyTorch's 0.01 diverges often on
 * LeNet).
 */
public enum OptimizerKind {
  SGD(0.01f),
  ADAM(0.001f),
  RMSPROP(0.001f);

  private final float defaultLearningRate;

  OptimizerKind(float defaultLearningRate) {
    this.defaultLearningRate = defaultLearningRate;
  }

  public float defaultLearningRate() {
    return defaultLearningRate;
  }

  public String flagValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static OptimizerKind parse(String flag, String value) {
    return EnumChoice.parse(OptimizerKind.class, flag, value, "is not supported");
  }

  /** {@code momentum} is read by SGD only. */
  public RowOptimizer create(NDManager manager, Shape shape, float learningRate, float momentum) {
    return switch (this) {
      case SGD -> new Sgd(manager, shape, learningRate, momentum);
      case ADAM -> new Adam(manager, shape, learningRate);
      case RMSPROP -> new RmsProp(manager, shape, learningRate);
    };
  }
}
