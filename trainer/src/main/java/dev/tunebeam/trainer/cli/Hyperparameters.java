package dev.tunebeam.trainer.cli;

import dev.tunebeam.trainer.data.Normalize;
import dev.tunebeam.trainer.data.ValidationSplit;
import dev.tunebeam.trainer.model.Activation;
import dev.tunebeam.trainer.model.Init;
import dev.tunebeam.trainer.model.Pooling;
import dev.tunebeam.trainer.optim.OptimizerKind;
import dev.tunebeam.trainer.train.TrainingConfig;
import picocli.CommandLine.Option;

/**
 * The trainer's flags a search space may vary: each is a parameter of a trial ({@code --batch-size}
 * is {@code batch_size}). The set of parameters the built-in trainer accepts is read from here.
 */
public final class Hyperparameters {
  @Option(
      names = "--activation",
      defaultValue = "relu",
      description = "hidden-layer activation (${DEFAULT-VALUE})")
  Activation activation;

  @Option(names = "--optimizer", defaultValue = "adam", description = "(${DEFAULT-VALUE})")
  OptimizerKind optimizer;

  @Option(
      names = "--learning-rate",
      paramLabel = "R",
      description = "(sgd 0.01 with momentum 0.9, adam 0.001, rmsprop 0.001)")
  Float learningRate;

  @Option(names = "--momentum", paramLabel = "M", description = "sgd only (0.9)")
  Float momentum;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "" + TrainingConfig.DEFAULT_BATCH_SIZE,
      description = "(${DEFAULT-VALUE})")
  int batchSize;

  @Option(
      names = "--num-epochs",
      paramLabel = "N",
      defaultValue = "" + TrainingConfig.DEFAULT_EPOCHS,
      description = "(${DEFAULT-VALUE})")
  int epochs;

  @Option(names = "--pooling", defaultValue = "avg", description = "(${DEFAULT-VALUE})")
  Pooling pooling;

  @Option(
      names = "--init",
      defaultValue = "torch",
      description =
          "torch: PyTorch's layer default; he: He-uniform, zero biases (${DEFAULT-VALUE})")
  Init init;

  @Option(
      names = "--normalize",
      defaultValue = "none",
      description =
          "none: x/255 like ToTensor; standard: (x/255 - 0.2860) / 0.3530 (${DEFAULT-VALUE})")
  Normalize normalize;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "" + TrainingConfig.DEFAULT_SEED,
      description = "(${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--train-samples",
      paramLabel = "N",
      defaultValue = "0",
      description = "the first N training images (0: all)")
  int trainSamples;

  @Option(
      names = "--validation-samples",
      paramLabel = "N",
      defaultValue = "" + ValidationSplit.DEFAULT_SAMPLES,
      description =
          "training images held out for validation by a seeded split (${DEFAULT-VALUE}; 0: none)")
  int validationSamples;

  @Option(
      names = "--test-samples",
      paramLabel = "N",
      defaultValue = "0",
      description = "the first N test images (0: all)")
  int testSamples;

  /** The training configuration builder, filled with these values. */
  TrainingConfig.Builder config() {
    return TrainingConfig.builder()
        .activation(activation)
        .optimizer(optimizer)
        .learningRate(learningRate)
        .momentum(momentum)
        .batchSize(batchSize)
        .epochs(epochs)
        .pooling(pooling)
        .init(init)
        .normalize(normalize)
        .seed(seed)
        .trainSamples(trainSamples)
        .validationSamples(validationSamples)
        .testSamples(testSamples);
  }
}
