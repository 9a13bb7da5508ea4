package dev.tunebeam.trainer.cli;

import dev.tunebeam.trainer.data.ValidationSplit;
import dev.tunebeam.trainer.train.DeviceChoice;
import dev.tunebeam.trainer.train.MemberRun;
import dev.tunebeam.trainer.train.TrainingConfig;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags of one model: its {@link Hyperparameters}, its data and output folders and its
 * identity. A group file's member gives exactly these; Vertex's AIP_* variables fill the folders
 * not given.
 */
public final class ModelFlags {
  @Mixin Hyperparameters hyperparameters = new Hyperparameters();

  @Option(
      names = "--validation-seed",
      paramLabel = "N",
      defaultValue = "" + ValidationSplit.DEFAULT_SEED,
      description = "the validation split's seed, the same for every trial of a study")
  long validationSeed;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR|gs://...",
      description =
          "Fashion-MNIST (else $FASHION_MNIST_DIR, /usr/share/datasets/fashion-mnist, the cache, a download)")
  String dataDir;

  @Option(
      names = "--model-dir",
      paramLabel = "DIR|gs://...",
      description = "metrics.json and model.npz (default $AIP_MODEL_DIR)")
  String modelDir;

  @Option(
      names = "--checkpoint-dir",
      paramLabel = "DIR",
      description = "weights after every epoch (default $AIP_CHECKPOINT_DIR)")
  String checkpointDir;

  @Option(
      names = "--tensorboard-dir",
      paramLabel = "DIR",
      description = "(default $AIP_TENSORBOARD_LOG_DIR)")
  String tensorboardDir;

  @Option(names = "--device", defaultValue = "auto", description = "(${DEFAULT-VALUE})")
  DeviceChoice device;

  @Option(
      names = "--metric-id",
      paramLabel = "ID",
      description =
          "the objective's tag (val_accuracy; test_accuracy with --validation-samples 0);"
              + " several, comma-separated, for a study with several objectives")
  String metricId;

  @Option(names = "--trial-id", paramLabel = "ID", description = "(default $CLOUD_ML_TRIAL_ID)")
  String trialId;

  /**
   * The model these flags describe; {@code env} supplies Vertex's defaults for the folders and the
   * trial id.
   */
  MemberRun member(Map<String, String> env) {
    TrainingConfig config;
    try {
      config =
          hyperparameters
              .config()
              .validationSeed(validationSeed)
              .dataDir(given(dataDir, null))
              .device(device)
              .build();
    } catch (UsageException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    String metric = given(metricId, MemberRun.defaultMetricId(config));
    if (!metric.matches("[A-Za-z][A-Za-z0-9_]{0,63}(,[A-Za-z][A-Za-z0-9_]{0,63})*")) {
      throw new UsageException(
          "--metric-id "
              + metric
              + " is not allowed; use letters, digits and '_', starting with a letter"
              + " (several separated by commas)");
    }
    return new MemberRun(
        given(trialId, env.get("CLOUD_ML_TRIAL_ID")),
        config,
        given(modelDir, env.get("AIP_MODEL_DIR")),
        given(checkpointDir, env.get("AIP_CHECKPOINT_DIR")),
        given(tensorboardDir, env.get("AIP_TENSORBOARD_LOG_DIR")),
        metric);
  }

  /**
   * An empty value ({@code --data-dir=}) counts as not given, as argparse scripts pass an unset
   * variable.
   */
  private static String given(String value, String fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }
}
