package dev.tunebeam.pipeline;

import com.google.cloud.aiplatform.v1.HyperparameterTuningJob;
import dev.tunebeam.trainer.cli.Flags;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.SearchSpaceLoader;
import dev.tunebeam.transforms.vertex.AcceleratorTypes;
import dev.tunebeam.transforms.results.Objective;
import dev.tunebeam.transforms.vertex.CustomJobTemplate;
import dev.tunebeam.transforms.vertex.EarlyStopping;
import dev.tunebeam.transforms.vertex.StudySpecs;
import dev.tunebeam.transforms.vertex.SubmitToVertex;
import dev.tunebeam.transforms.vertex.TuningAlgorithm;
import dev.tunebeam.transforms.vertex.TuningJobs;
import dev.tunebeam.transforms.vertex.VertexEndpoint;
import dev.tunebeam.transforms.vertex.VertexSettings;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@link VertexTuningLauncher}'s flags, checked completely before any API call: the reference
 * launcher's names ({@code --project --bucket --region --job-name --machine-type
 * --accelerator-type --accelerator-count --container-uri --num-epochs --max-trial-count
 * --max-parallel-trial-count --search-algorithm --service-account --debug-sync}), plus {@code
 * --search-space}, {@code --data-dir}, {@code --output}, {@code --collect JOB}, {@code
 * --poll-seconds} and {@code --endpoint}. {@code --name value}, {@code --name=value} and
 * {@code --name_with_underscores} all work.
 */
record LauncherFlags(
    String project,
    String bucket,
    String region,
    String jobName,
    CustomJobTemplate template,
    int numEpochs,
    int maxTrialCount,
    int parallelTrialCount,
    TuningAlgorithm algorithm,
    EarlyStopping stopping,
    Objective.Measurement measurement,
    SearchSpace space,
    String dataDir,
    String output,
    String collect,
    double pollSeconds,
    VertexEndpoint endpoint,
    boolean debugSync,
    boolean help,
    VertexExtras extras) {

  static final Set<String> VALUED = Set.of("project", "bucket", "region", "job-name", "machine-type", "accelerator-type", "accelerator-count",
      "container-uri", "num-epochs", "max-trial-count", "max-parallel-trial-count", "search-algorithm", "service-account", "search-space",
      "early-stopping", "measurement-selection",
      "data-dir", "output", "collect", "poll-seconds", "endpoint", "experiment-name", "tensorboard-name");
  /** The reference launcher's store_true flags are switches here too: bare, they mean true. */
  static final Set<String> SWITCHES = Set.of("debug-sync", "help", "enable-model-registry", "use-custom-container");
  private static final Pattern TUNING_JOB = Pattern.compile("projects/([^/]+)/locations/([^/]+)/hyperparameterTuningJobs/[^/]+");

  static LauncherFlags parse(List<String> args, LocalDateTime now) {
    if (args.equals(List.of("-h"))) {
      args = List.of("--help");
    }
    Flags f = Flags.parse(args, VALUED, SWITCHES);
    VertexExtras extras = VertexExtras.of(f);
    boolean help = f.bool("help");
    String collect = f.string("collect", null);
    String region = f.string("region", VertexOptions.DEFAULT_REGION);
    String project = f.string("project", null);
    if (collect != null) {
      Matcher m = TUNING_JOB.matcher(collect);
      if (!m.matches()) {
        throw new IllegalArgumentException("--collect " + collect + " is not a tuning job name; use projects/PROJECT/locations/REGION/hyperparameterTuningJobs/ID "
            + "(the name the launcher printed)");
      }
      project = m.group(1);
      region = m.group(2);
    }
    if (help) {
      return new LauncherFlags(project, null, region, null, null, 0, 0, 0, null, null, null, null, null, null, collect, 0, null, false, true, extras);
    }
    double pollSeconds = f.decimal("poll-seconds") == null ? 30 : f.decimal("poll-seconds");
    if (!(pollSeconds > 0)) {
      throw new IllegalArgumentException("--poll-seconds " + pollSeconds + " must be positive");
    }
    VertexEndpoint endpoint = VertexEndpoint.resolve(checkRegion(region), f.string("endpoint", ""));
    String output = f.string("output", null);
    if (collect != null) {
      return new LauncherFlags(project, null, region, null, null, 0, 0, 0, null, null, null, null, null, output, collect, pollSeconds, endpoint,
          true, false, extras);
    }

    if (project == null) {
      throw new IllegalArgumentException("--project is required: the Google Cloud project id to run the tuning job in");
    }
    String bucket = f.string("bucket", null);
    if (bucket == null) {
      throw new IllegalArgumentException("--bucket is required: the name of a Cloud Storage bucket in " + region + " (without gs://)");
    }
    if (bucket.startsWith("gs://") || bucket.contains("/")) {
      throw new IllegalArgumentException("--bucket " + bucket + " must be a bucket name without gs:// or a path, e.g. "
          + bucket.replaceFirst("^gs://", "").replaceAll("/.*", ""));
    }
    String jobName = f.string("job-name", "lenet5-hp-tuning-" + now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    if (!jobName.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}")) {
      throw new IllegalArgumentException("--job-name " + jobName + " is not allowed; use up to 128 letters, digits, '_', '.' and '-', starting with a letter or digit");
    }
    String accelerator = AcceleratorTypes.parse("--accelerator-type", f.string("accelerator-type", ""));
    int acceleratorCount = f.integer("accelerator-count", 0);
    int numEpochs = f.integer("num-epochs", 10);
    if (numEpochs < 1) {
      throw new IllegalArgumentException("--num-epochs " + numEpochs + " must be at least 1");
    }
    int maxTrials = f.integer("max-trial-count", 27);
    if (maxTrials < 1) {
      throw new IllegalArgumentException("--max-trial-count " + maxTrials + " must be at least 1");
    }
    int parallel = f.integer("max-parallel-trial-count", 3);
    if (parallel < 1) {
      throw new IllegalArgumentException("--max-parallel-trial-count " + parallel + " must be at least 1");
    }
    if (parallel > maxTrials) {
      throw new IllegalArgumentException("--max-parallel-trial-count " + parallel + " exceeds --max-trial-count " + maxTrials
          + "; it must be at most the number of trials");
    }
    TuningAlgorithm algorithm = TuningAlgorithm.parse("--search-algorithm", f.string("search-algorithm", "grid"));
    String spaceFile = f.string("search-space", null);
    SearchSpace space = (spaceFile == null ? SearchSpace.referenceStudy() : SearchSpaceLoader.parse(spaceFile, StudySpace.read("--search-space", spaceFile)))
        .withFixed("num_epochs", String.valueOf(numEpochs));
    CustomJobTemplate template;
    try {
      template = CustomJobTemplate.of(f.string("container-uri", CustomJobTemplate.defaultContainerUri(project, region)))
          .withMachineType(f.string("machine-type", CustomJobTemplate.DEFAULT_MACHINE_TYPE))
          .withAccelerator(accelerator, acceleratorCount)
          .withServiceAccount(f.string("service-account", ""));
    } catch (IllegalArgumentException e) {
      // The template names its fields in words ("machine type X ..."); a user typed them as flags.
      throw new IllegalArgumentException("--" + e.getMessage().replaceFirst(" ", "-"), e);
    }
    EarlyStopping stopping = EarlyStopping.parse("--early-stopping", f.string("early-stopping", "none"));
    Objective.Measurement measurement = Objective.parseMeasurement("--measurement-selection", f.string("measurement-selection", "best"));
    LauncherFlags flags = new LauncherFlags(project, bucket, region, jobName, template, numEpochs, maxTrials, parallel, algorithm, stopping, measurement, space,
        f.string("data-dir", null), output, null, pollSeconds, endpoint, f.bool("debug-sync"), false, extras);
    extras.checkWith(template);
    flags.settings();
    flags.job();
    return flags;
  }

  private static String checkRegion(String region) {
    if (!region.matches("[a-z]+-[a-z]+\\d+")) {
      throw new IllegalArgumentException("--region " + region + " is not a Google Cloud region; use a name like us-central1");
    }
    return region;
  }

  /** {@code gs://BUCKET/JOB_NAME/}: Vertex gives trial N the model dir {@code .../N/model/}. */
  String baseOutputDirectory() {
    return "gs://" + bucket + "/" + jobName + "/";
  }

  /** The request; building it also checks the space against the algorithm (a grid needs steps on double ranges). */
  HyperparameterTuningJob job() {
    try {
      Objective objective = new Objective(Objective.DEFAULT.metric(), Objective.DEFAULT.goal(), measurement);
      return TuningJobs.build(jobName, space, StudySpecs.of(space, algorithm, objective, stopping), template, baseOutputDirectory(), dataDir,
          maxTrialCount, parallelTrialCount);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException((space == null ? "" : "search space " + space.study() + ": ") + e.getMessage(), e);
    }
  }

  /** The same settings a SubmitToVertex run would use: they shape the error messages. */
  VertexSettings settings() {
    SubmitToVertex s = SubmitToVertex.to(project, region).withEndpoint(endpoint.toString());
    if (template != null) {
      s = s.withTemplate(template).withOutputPrefix(baseOutputDirectory());
    }
    return s.settings();
  }

  static String usage() {
    return String.join("\n",
        "Usage: java -jar tunebeam.jar tune --project P --bucket B [flags]   (also: java -cp tunebeam.jar dev.tunebeam.pipeline.VertexTuningLauncher ...)",
        "  --project ID                 Google Cloud project (required)",
        "  --bucket NAME                bucket in the region, without gs:// (required); outputs go to gs://NAME/JOB_NAME/",
        "  --region R                   (us-central1)",
        "  --job-name NAME              (lenet5-hp-tuning-YYYYMMDD-HHMMSS)",
        "  --container-uri URI          (REGION-docker.pkg.dev/PROJECT/tunebeam/trainer:latest)",
        "  --machine-type T             (n1-standard-4)   --accelerator-type NVIDIA_TESLA_T4|...   --accelerator-count N",
        "  --service-account EMAIL      (Vertex AI's Custom Code Service Agent)",
        "  --search-space FILE          YAML/JSON search space (the reference study: 3 activations x 3 optimizers x 3 batch sizes)",
        "  --search-algorithm A         grid | random | bayesian (Vizier's default)   (grid)",
        "  --early-stopping S           median | decay-curve | none: Vizier's automated stopping   (none)",
        "  --measurement-selection M    best | last: which epoch's val_accuracy a trial counts   (best)",
        "  --num-epochs N (10)  --max-trial-count N (27)  --max-parallel-trial-count N (3)",
        "  --data-dir gs://...          Fashion-MNIST folder for the trainer (default: the trainer downloads it)",
        "  --debug-sync                 wait, print each state change, then write the leaderboard",
        "  --collect JOB_NAME           wait for an existing tuning job and write its leaderboard",
        "  --output DIR|gs://...        where results.csv/json/md go (gs://BUCKET/JOB_NAME/)",
        "  --poll-seconds S (30)   --endpoint host:port | http://127.0.0.1:PORT (emulators and tests)",
        "  --experiment-name NAME       log the finished trials as runs of this Vertex AI Experiment",
        "  --tensorboard-name NAME      trials write to this Vertex AI TensorBoard instance (display or resource name;",
        "                               created when missing; needs --service-account)",
        "  --enable-model-registry      upload the best trial's model to the Vertex AI Model Registry, parameters as labels",
        "  --use-custom-container       accepted for the reference launcher's scripts: trials always run tunebeam's custom container",
        "  --experiment-name, --enable-model-registry act when the job's end is waited for (--debug-sync or --collect).");
  }
}
