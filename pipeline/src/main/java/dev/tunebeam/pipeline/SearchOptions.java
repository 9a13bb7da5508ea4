package dev.tunebeam.pipeline;

import dev.tunebeam.transforms.local.LocalSettings;
import dev.tunebeam.transforms.space.ExpandSearchSpace;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * Options of {@link SearchPipeline}; every Beam and runner option works beside them. Where trials
 * run ({@code --backend}) and the Vertex AI settings live in {@link VertexOptions}, the Dataflow
 * dry run in {@link DataflowLaunchOptions}.
 */
public interface SearchOptions extends VertexOptions, DataflowLaunchOptions {
  @Description(
      "Search-space file (YAML or JSON; local path or gs://). Empty: the reference study "
          + "(activation relu/softmax/leakyrelu x optimizer sgd/adam/rmsprop x batch size 32/64/128, 10 epochs: 27 trials).")
  @Default.String("")
  String getSearchSpace();

  void setSearchSpace(String value);

  @Description(
      "Where results.csv/json/md and trials/<trial-id>/ go: a local folder or gs://bucket/path.")
  @Default.String("tunebeam-output")
  String getOutput();

  void setOutput(String value);

  @Description("Epochs per trial; overrides num_epochs of the search space (0: keep the space's).")
  @Default.Integer(0)
  int getEpochs();

  void setEpochs(int value);

  @Description(
      "Train on the first N training images (0: all of them, 55,000 beside the default 5,000 validation images).")
  @Default.Integer(0)
  int getTrainSamples();

  void setTrainSamples(int value);

  @Description(
      "Training images held out for validation by a seeded split, the same for every trial (-1: the space's "
          + "validation_samples, else 5,000; 0: none, and then trials are selected on the test set, which the outputs say).")
  @Default.Integer(-1)
  int getValidationSamples();

  void setValidationSamples(int value);

  @Description(
      "Train each point this many times, with seeds seed, seed+1, ...; ranks points by their mean (0: the space's repeats, else 1).")
  @Default.Integer(0)
  int getRepeats();

  void setRepeats(int value);

  @Description("Evaluate on the first N test images (0: all 10,000).")
  @Default.Integer(0)
  int getTestSamples();

  void setTestSamples(int value);

  @Description(
      "Folder with the four Fashion-MNIST IDX .gz files (local or gs://). Empty: $FASHION_MNIST_DIR, "
          + "/usr/share/datasets/fashion-mnist, the user cache, then a download.")
  @Default.String("")
  String getDataDir();

  void setDataDir(String value);

  @Description("Refuse search spaces with more trials than this.")
  @Default.Integer(ExpandSearchSpace.DEFAULT_MAX_TRIALS)
  int getMaxTrials();

  void setMaxTrials(int value);

  @Description(
      "Training seed for every trial (weights and shuffling); overrides seed in the search space. -1: keep the space's (default 42).")
  @Default.Long(-1)
  long getSeed();

  void setSeed(long value);

  @Description(
      "Metric tag to rank trials by, any tag the trainer reports (the built-in trainer: val_accuracy, val_loss, "
          + "train_accuracy, train_loss, test_accuracy, train_seconds, param_count), or several as "
          + "metric:goal pairs, val_accuracy:max,train_seconds:min, ranked by Pareto front; default: the search "
          + "space's objective(s), else val_accuracy.")
  String getObjective();

  void setObjective(String value);

  @Description(
      "Whether the objective is maximized or minimized: maximize or minimize (default: the space's, else maximize); "
          + "with several objectives give each goal in --objective instead.")
  String getObjectiveGoal();

  void setObjectiveGoal(String value);

  @Description(
      "Which epoch a trial is judged at: best (its best epoch by the objective) or last (default: the space's, else best).")
  String getMeasurement();

  void setMeasurement(String value);

  @Description("Local training device: auto (the GPU when one is visible), cpu or gpu.")
  @Default.String("auto")
  String getDevice();

  void setDevice(String value);

  @Description("Local worker processes per machine (0: one per core, or one with a GPU).")
  @Default.Integer(0)
  int getLocalWorkers();

  void setLocalWorkers(int value);

  @Description(
      "Compute threads per local worker (0: cores / workers, and a group that no other group waits"
          + " behind also takes the idle workers' cores; set it to keep every trial on that many).")
  @Default.Integer(0)
  int getThreadsPerWorker();

  void setThreadsPerWorker(int value);

  @Description(
      "Fuse trials that share batch size, epochs, pooling and seed into one network: auto or off.")
  @Default.String("auto")
  String getFuse();

  void setFuse(String value);

  @Description("Most trials fused into one network.")
  @Default.Integer(LocalSettings.DEFAULT_MAX_FUSE)
  int getMaxFuse();

  void setMaxFuse(int value);

  @Description(
      "Reuse trials already finished under --output (their metrics.json); false retrains all.")
  @Default.Boolean(true)
  boolean getResume();

  void setResume(boolean value);

  @Description("Train inside this JVM, one group at a time, instead of in worker processes.")
  @Default.Boolean(false)
  boolean getInProcess();

  void setInProcess(boolean value);

  @Description(
      "Stop starting trials once more than this many have failed; the rest are SKIPPED, the leaderboard of what "
          + "finished is written and the job exits 1. -1: no bound. Counted per JVM: on the DirectRunner the whole search, "
          + "on Dataflow each worker; not applied to --waitForCompletion=false submissions.")
  @Default.Integer(-1)
  int getMaxFailedTrials();

  void setMaxFailedTrials(int value);

  @Description(
      "Extra JVM options for local worker processes, space-separated (for example -XX:+UseSerialGC).")
  @Default.String("")
  String getWorkerJvmOptions();

  void setWorkerJvmOptions(String value);

  @Description(
      "Print the trials, the backend each goes to, estimated wall time and Vertex cost; train, submit and write nothing.")
  @Default.Boolean(false)
  boolean getDryRun();

  void setDryRun(boolean value);

  @Description(
      "A .properties file overriding the dry run's prices and throughputs (keys as in the built-in cost-model.properties).")
  @Default.String("")
  String getCostModel();

  void setCostModel(String value);

  @Description(
      "Kill a local worker whose fused group has run longer than this many minutes; its trials fail. 0: no limit.")
  @Default.Integer(0)
  int getTrialTimeoutMinutes();

  void setTrialTimeoutMinutes(int value);

  @Description(
      "Your own trainer instead of the built-in LeNet-5, as an argument list (repeat the flag or separate with commas: "
          + "--trainerCommand=python3,-m,my_pkg.task). Each trial runs it with its parameters as --name value flags under the trial "
          + "contract; parameters pass unchecked. Overrides the search space's trainer block.")
  java.util.List<String> getTrainerCommand();

  void setTrainerCommand(java.util.List<String> value);

  @Description(
      "Your own Java trainer instead of the built-in LeNet-5: a class implementing dev.tunebeam.trainer.contract.Trainable "
          + "with a public no-argument constructor, on the classpath. Each trial runs it in a worker JVM of its own.")
  @Default.String("")
  String getTrainerClass();

  void setTrainerClass(String value);

  @Description("Leaderboard rows printed at the end.")
  @Default.Integer(10)
  int getTop();

  void setTop(int value);
}
