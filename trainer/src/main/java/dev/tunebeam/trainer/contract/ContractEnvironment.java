package dev.tunebeam.trainer.contract;

/**
 * The environment a trial runs in, Vertex AI's names: where the model, checkpoints and TensorBoard
 * events go, the trial's id and the hypertune metric file. A program that honours these runs
 * unchanged on Vertex AI and under tunebeam's local workers.
 */
public final class ContractEnvironment {
  public static final String MODEL_DIR = "AIP_MODEL_DIR";
  public static final String CHECKPOINT_DIR = "AIP_CHECKPOINT_DIR";
  public static final String TENSORBOARD_LOG_DIR = "AIP_TENSORBOARD_LOG_DIR";
  public static final String TRIAL_ID = "CLOUD_ML_TRIAL_ID";
  public static final String METRIC_FILE = "CLOUD_ML_HP_METRIC_FILE";

  /**
   * tunebeam's own addition: {@code cpu} or {@code gpu} (or {@code auto}), the device the run asked
   * for.
   */
  public static final String DEVICE = "TUNEBEAM_DEVICE";

  /** For a Java {@link Trainable}: the file holding it, serialized. */
  public static final String TRAINABLE_FILE = "TUNEBEAM_TRAINABLE";

  /** Where a worker writes how it ended ({@link dev.tunebeam.trainer.report.WorkerOutcome}). */
  public static final String OUTCOME_FILE = "TUNEBEAM_OUTCOME_FILE";

  private ContractEnvironment() {}
}
