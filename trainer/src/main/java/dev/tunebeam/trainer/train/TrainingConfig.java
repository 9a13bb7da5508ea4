package dev.tunebeam.trainer.train;

import dev.tunebeam.trainer.data.Normalize;
import dev.tunebeam.trainer.data.ValidationSplit;
import dev.tunebeam.trainer.model.Activation;
import dev.tunebeam.trainer.model.Init;
import dev.tunebeam.trainer.model.Pooling;
import dev.tunebeam.trainer.optim.OptimizerKind;
import dev.tunebeam.trainer.optim.Sgd;

/**
 * One model's training: what a trial's hyperparameters become on the trainer side. The learning
 * rate is always resolved (an optimizer's default when none was given). Sample counts of 0 mean the
 * whole split ({@code validationSamples} 0: no validation split); {@code dataDir} null means the
 * standard search ({@link dev.tunebeam.trainer.data.DataLocator}). Pooling, init and normalisation
 * default to the PyTorch reference's: average pooling, PyTorch's layer init, x/255.
 */
public record TrainingConfig(
    Activation activation,
    OptimizerKind optimizer,
    float learningRate,
    int batchSize,
    int epochs,
    Pooling pooling,
    Init init,
    Normalize normalize,
    long seed,
    int trainSamples,
    int validationSamples,
    long validationSeed,
    int testSamples,
    String dataDir,
    DeviceChoice device,
    float momentum) {

  public static final int DEFAULT_BATCH_SIZE = 64;
  public static final int DEFAULT_EPOCHS = 10;
  public static final long DEFAULT_SEED = 42;

  public TrainingConfig {
    if (batchSize < 1) {
      throw new IllegalArgumentException(
          "--batch-size " + batchSize + " is too small; it must be at least 1");
    }
    if (epochs < 1) {
      throw new IllegalArgumentException(
          "--num-epochs " + epochs + " is too small; it must be at least 1");
    }
    if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
      throw new IllegalArgumentException(
          "--learning-rate " + learningRate + " is not allowed; it must be a positive number");
    }
    if (trainSamples < 0) {
      throw new IllegalArgumentException(
          "--train-samples "
              + trainSamples
              + " is negative; use 0 for all 60000 or a positive count");
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException(
          "--momentum " + momentum + " is not allowed; it must be at least 0 and below 1");
    }
    if (validationSamples < 0) {
      throw new IllegalArgumentException(
          "--validation-samples "
              + validationSamples
              + " is negative; use 0 for no validation split or a count below the 60000 training images");
    }
    if (testSamples < 0) {
      throw new IllegalArgumentException(
          "--test-samples "
              + testSamples
              + " is negative; use 0 for all 10000 or a positive count");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Trials with equal keys can be trained together as one fused network. */
  public FusionKey fusionKey() {
    return new FusionKey(
        batchSize,
        epochs,
        pooling,
        normalize,
        seed,
        trainSamples,
        validationSamples,
        validationSeed,
        testSamples,
        dataDir,
        device);
  }

  /**
   * The configuration without its epoch count: a training continued to more epochs from a
   * checkpoint is the same training ({@link TrainingCheckpoint}).
   */
  public String resumeKey() {
    return "activation="
        + activation.flagValue()
        + " optimizer="
        + optimizer.flagValue()
        + " learning_rate="
        + learningRate
        + " batch_size="
        + batchSize
        + " pooling="
        + pooling.flagValue()
        + " seed="
        + seed
        + " train_samples="
        + trainSamples
        + " test_samples="
        + testSamples
        + (optimizer == OptimizerKind.SGD ? " momentum=" + momentum : "");
  }

  /** What must match for models to share batches, data and a device. */
  public record FusionKey(
      int batchSize,
      int epochs,
      Pooling pooling,
      Normalize normalize,
      long seed,
      int trainSamples,
      int validationSamples,
      long validationSeed,
      int testSamples,
      String dataDir,
      DeviceChoice device) {}

  /**
   * Defaults: relu, adam at its default rate, batch 64, 10 epochs, average pooling, torch init,
   * x/255, seed 42, 5000 validation images, all data.
   */
  public static final class Builder {
    private Activation activation = Activation.RELU;
    private OptimizerKind optimizer = OptimizerKind.ADAM;
    private Float learningRate;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private int epochs = DEFAULT_EPOCHS;
    private Pooling pooling = Pooling.AVG;
    private Init init = Init.TORCH;
    private Normalize normalize = Normalize.NONE;
    private long seed = DEFAULT_SEED;
    private int trainSamples;
    private int validationSamples = ValidationSplit.DEFAULT_SAMPLES;
    private long validationSeed = ValidationSplit.DEFAULT_SEED;
    private int testSamples;
    private String dataDir;
    private DeviceChoice device = DeviceChoice.AUTO;
    private Float momentum;

    public Builder activation(Activation v) {
      activation = v;
      return this;
    }

    public Builder optimizer(OptimizerKind v) {
      optimizer = v;
      return this;
    }

    /** Null: the optimizer's default. */
    public Builder learningRate(Float v) {
      learningRate = v;
      return this;
    }

    public Builder batchSize(int v) {
      batchSize = v;
      return this;
    }

    public Builder epochs(int v) {
      epochs = v;
      return this;
    }

    public Builder pooling(Pooling v) {
      pooling = v;
      return this;
    }

    public Builder init(Init v) {
      init = v;
      return this;
    }

    public Builder normalize(Normalize v) {
      normalize = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder trainSamples(int v) {
      trainSamples = v;
      return this;
    }

    /**
     * Training images held out for validation; 0 validates on nothing (selection then uses the test
     * set).
     */
    public Builder validationSamples(int v) {
      validationSamples = v;
      return this;
    }

    public Builder validationSeed(long v) {
      validationSeed = v;
      return this;
    }

    public Builder testSamples(int v) {
      testSamples = v;
      return this;
    }

    public Builder dataDir(String v) {
      dataDir = v;
      return this;
    }

    public Builder device(DeviceChoice v) {
      device = v;
      return this;
    }

    /** SGD's momentum; null: 0.9. Only SGD has one. */
    public Builder momentum(Float v) {
      momentum = v;
      return this;
    }

    public TrainingConfig build() {
      float lr = learningRate != null ? learningRate : optimizer.defaultLearningRate();
      if (momentum != null && optimizer != OptimizerKind.SGD) {
        throw new IllegalArgumentException(
            "--momentum applies only to --optimizer sgd, got --optimizer "
                + optimizer.flagValue()
                + "; in a search space, declare it with when: {optimizer: [sgd]}");
      }
      float m = optimizer == OptimizerKind.SGD ? (momentum != null ? momentum : Sgd.MOMENTUM) : 0f;
      return new TrainingConfig(
          activation,
          optimizer,
          lr,
          batchSize,
          epochs,
          pooling,
          init,
          normalize,
          seed,
          trainSamples,
          validationSamples,
          validationSeed,
          testSamples,
          dataDir,
          device,
          m);
    }
  }
}
