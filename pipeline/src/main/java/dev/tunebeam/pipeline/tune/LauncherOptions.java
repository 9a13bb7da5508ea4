package dev.tunebeam.pipeline.tune;

import dev.tunebeam.pipeline.VertexOptions;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.tuning.EarlyStopping;
import dev.tunebeam.transforms.tuning.TuningAlgorithm;
import dev.tunebeam.transforms.vertex.CustomJobTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@link VertexTuningLauncher}'s flags as declared: the reference launcher's names plus
 * tunebeam's own. picocli fills them; {@link LauncherFlags} checks them together.
 */
@Command(
    name = "tune",
    sortOptions = false,
    usageHelpWidth = 110,
    customSynopsis = "java -jar tunebeam.jar tune --project P --bucket B [flags]",
    description = {
      "Runs the search as one Vertex AI HyperparameterTuningJob; --debug-sync or --collect waits for it and writes the leaderboard.",
      "Also: java -cp tunebeam.jar dev.tunebeam.pipeline.tune.VertexTuningLauncher ..."
    },
    footer =
        "--experiment-name and --enable-model-registry act when the job's end is waited for (--debug-sync or --collect).")
final class LauncherOptions {
  @Option(names = "--project", paramLabel = "ID", description = "Google Cloud project (required)")
  String project;

  @Option(
      names = "--bucket",
      paramLabel = "NAME",
      description =
          "bucket in the region, without gs:// (required); outputs go to gs://NAME/JOB_NAME/")
  String bucket;

  @Option(
      names = "--region",
      paramLabel = "R",
      defaultValue = VertexOptions.DEFAULT_REGION,
      description = "(${DEFAULT-VALUE})")
  String region;

  @Option(
      names = "--job-name",
      paramLabel = "NAME",
      description = "(lenet5-hp-tuning-YYYYMMDD-HHMMSS)")
  String jobName;

  @Option(
      names = "--container-uri",
      paramLabel = "URI",
      description = "(REGION-docker.pkg.dev/PROJECT/tunebeam/trainer:latest)")
  String containerUri;

  @Option(
      names = "--machine-type",
      paramLabel = "T",
      defaultValue = CustomJobTemplate.DEFAULT_MACHINE_TYPE,
      description = "(${DEFAULT-VALUE})")
  String machineType;

  @Option(
      names = "--accelerator-type",
      paramLabel = "NVIDIA_TESLA_T4|...",
      description = "a Vertex AI accelerator (none)")
  String acceleratorType;

  @Option(
      names = "--accelerator-count",
      paramLabel = "N",
      defaultValue = "0",
      description = "(1 when a type is set)")
  int acceleratorCount;

  @Option(
      names = "--service-account",
      paramLabel = "EMAIL",
      description = "(Vertex AI's Custom Code Service Agent)")
  String serviceAccount;

  @Option(
      names = "--search-space",
      paramLabel = "FILE",
      description =
          "YAML/JSON search space (the reference study: 3 activations x 3 optimizers x 3 batch sizes)")
  String searchSpace;

  @Option(
      names = "--search-algorithm",
      defaultValue = "grid",
      description = "bayesian is Vizier's default (${DEFAULT-VALUE})")
  TuningAlgorithm algorithm;

  @Option(
      names = "--early-stopping",
      defaultValue = "none",
      description = "Vizier's automated stopping (${DEFAULT-VALUE})")
  EarlyStopping stopping;

  @Option(
      names = "--measurement-selection",
      defaultValue = "best",
      description = "which epoch a trial counts, by its first objective (${DEFAULT-VALUE})")
  Objective.Measurement measurement;

  @Option(
      names = "--num-epochs",
      paramLabel = "N",
      defaultValue = "10",
      description = "(${DEFAULT-VALUE})")
  int numEpochs;

  @Option(
      names = "--max-trial-count",
      paramLabel = "N",
      defaultValue = "27",
      description = "(${DEFAULT-VALUE})")
  int maxTrialCount;

  @Option(
      names = "--max-parallel-trial-count",
      paramLabel = "N",
      defaultValue = "3",
      description = "(${DEFAULT-VALUE})")
  int parallelTrialCount;

  @Option(
      names = "--data-dir",
      paramLabel = "gs://...",
      description = "Fashion-MNIST folder for the trainer (default: the trainer downloads it)")
  String dataDir;

  @Option(
      names = "--debug-sync",
      arity = "0..1",
      fallbackValue = "true",
      description = "wait, print each state change, then write the leaderboard")
  boolean debugSync;

  @Option(
      names = "--collect",
      paramLabel = "JOB_NAME",
      description = "wait for an existing tuning job and write its leaderboard")
  String collect;

  @Option(
      names = "--output",
      paramLabel = "DIR|gs://...",
      description = "where results.csv/json/md and report.html go (gs://BUCKET/JOB_NAME/)")
  String output;

  @Option(
      names = "--poll-seconds",
      paramLabel = "S",
      defaultValue = "30",
      description = "(${DEFAULT-VALUE})")
  double pollSeconds;

  @Option(
      names = "--endpoint",
      paramLabel = "host:port|http://127.0.0.1:PORT",
      description = "Vertex AI endpoint (emulators and tests)")
  String endpoint;

  @Option(
      names = "--experiment-name",
      paramLabel = "NAME",
      description = "log the finished trials as runs of this Vertex AI Experiment")
  String experimentName;

  @Option(
      names = "--tensorboard-name",
      paramLabel = "NAME",
      description =
          "trials write to this Vertex AI TensorBoard instance (display or resource name; created when missing; needs --service-account)")
  String tensorboardName;

  @Option(
      names = "--enable-model-registry",
      arity = "0..1",
      fallbackValue = "true",
      description =
          "upload the best trial's model to the Vertex AI Model Registry, parameters as labels")
  boolean modelRegistry;

  @Option(
      names = "--use-custom-container",
      arity = "0..1",
      fallbackValue = "true",
      description =
          "accepted for the reference launcher's scripts: trials always run tunebeam's custom container")
  boolean useCustomContainer;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "this page")
  boolean help;
}
