package dev.tunebeam.trainer.contract;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trial contract, in one place for every executor: a trial is a program run with its parameters
 * as flags ({@code --name value}, or {@code --name=value} for a value starting with {@code -};
 * names as in the search space) and Vertex AI's environment ({@code AIP_MODEL_DIR}, {@code
 * AIP_CHECKPOINT_DIR}, {@code AIP_TENSORBOARD_LOG_DIR}, {@code CLOUD_ML_TRIAL_ID}, {@code
 * CLOUD_ML_HP_METRIC_FILE}). It reports metrics to the metric file as {@code cloudml-hypertune}
 * does, a line per metric and epoch ({@code global_step}); it continues from a checkpoint it finds
 * in the checkpoint folder. Exit 0 is success, 2 is bad parameters (its last line of output is the
 * reason), anything else a failed trial.
 *
 * <p>Local workers set every variable; on Vertex AI the service sets the {@code AIP_} folders from
 * the job's output directory, and the job carries the rest. A null field is left unset.
 */
public record TrialContract(
    String trialId, String modelDir, String checkpointDir, String tensorboardDir, String metricFile)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Exit code of a trainer that refuses its parameters. */
  public static final int BAD_PARAMETERS_EXIT = 2;

  /**
   * The parameters as flags, {@code --name value}, in the order given; a value starting with {@code
   * -} as one {@code --name=value}, since argparse (and most parsers) read a separate {@code
   * --evil} or {@code -x} as the next option, not as the value.
   */
  public static List<String> flags(Map<String, String> parameters) {
    List<String> args = new ArrayList<>();
    parameters.forEach(
        (name, value) -> {
          if (value.startsWith("-")) {
            args.add("--" + name + "=" + value);
          } else {
            args.add("--" + name);
            args.add(value);
          }
        });
    return args;
  }

  /** The contract's environment variables for this trial. */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    put(env, ContractEnvironment.MODEL_DIR, modelDir);
    put(env, ContractEnvironment.CHECKPOINT_DIR, checkpointDir);
    put(env, ContractEnvironment.TENSORBOARD_LOG_DIR, tensorboardDir);
    put(env, ContractEnvironment.TRIAL_ID, trialId);
    put(env, ContractEnvironment.METRIC_FILE, metricFile);
    return env;
  }

  private static void put(Map<String, String> env, String name, String value) {
    if (value != null) {
      env.put(name, value);
    }
  }
}
