package dev.tunebeam.pipeline.tune;

import dev.tunebeam.pipeline.study.SpaceChoice;
import dev.tunebeam.trainer.cli.FlagParser;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.SearchSpaceLoader;
import dev.tunebeam.transforms.tuning.TuningAlgorithm;
import dev.tunebeam.transforms.vertex.AcceleratorTypes;
import dev.tunebeam.transforms.vertex.CustomJobTemplate;
import dev.tunebeam.transforms.vertex.SubmitToVertex;
import dev.tunebeam.transforms.vertex.VertexEndpoint;
import dev.tunebeam.transforms.vertex.VertexSettings;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@link VertexTuningLauncher}'s flags ({@link LauncherOptions}), checked completely before any
 * API call. Exactly one of {@code collect} (an existing job to wait for) and {@code request} (the
 * job to create) is set; a library error names the flag through {@link LauncherFlagNames}.
 */
record LauncherFlags(
    String project,
    String region,
    VertexEndpoint endpoint,
    Duration poll,
    String output,
    VertexExtras extras,
    String collect,
    TuningRequest request) {

  private static final Pattern TUNING_JOB =
      Pattern.compile("projects/([^/]+)/locations/([^/]+)/hyperparameterTuningJobs/[^/]+");

  /**
   * A parser over fresh declarations; {@code --search-algorithm}'s refusal says what the value is
   * not.
   */
  static FlagParser parser(LauncherOptions options) {
    return FlagParser.of(options).choice(TuningAlgorithm.class, TuningAlgorithm.NOT_ONE);
  }

  static String usage() {
    return parser(new LauncherOptions()).usage();
  }

  /** The checked flags; null when help was asked for. */
  static LauncherFlags parse(List<String> args, LocalDateTime now) {
    LauncherOptions o = new LauncherOptions();
    FlagParser parser = parser(o);
    parser.parse(args);
    if (parser.helpRequested()) {
      return null;
    }
    try {
      return of(o, now);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(LauncherFlagNames.sentence(e), e);
    }
  }

  private static LauncherFlags of(LauncherOptions o, LocalDateTime now) {
    VertexExtras extras =
        VertexExtras.of(o.experimentName, o.tensorboardName, o.modelRegistry, o.useCustomContainer);
    if (!(o.pollSeconds > 0)) {
      throw new IllegalArgumentException("--poll-seconds " + o.pollSeconds + " must be positive");
    }
    Duration poll = Duration.ofMillis(Math.round(o.pollSeconds * 1000));
    if (o.collect != null) {
      Matcher m = TUNING_JOB.matcher(o.collect);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "--collect "
                + o.collect
                + " is not a tuning job name; use projects/PROJECT/locations/REGION/hyperparameterTuningJobs/ID "
                + "(the name the launcher printed)");
      }
      return new LauncherFlags(
              m.group(1),
              m.group(2),
              VertexEndpoint.resolve(m.group(2), o.endpoint),
              poll,
              o.output,
              extras,
              o.collect,
              null)
          .checked();
    }
    VertexEndpoint endpoint = VertexEndpoint.resolve(o.region, o.endpoint);
    TuningRequest request = request(o, now);
    extras.checkWith(request.template());
    LauncherFlags flags =
        new LauncherFlags(o.project, o.region, endpoint, poll, o.output, extras, null, request)
            .checked();
    request.job();
    return flags;
  }

  private static TuningRequest request(LauncherOptions o, LocalDateTime now) {
    if (o.project == null) {
      throw new IllegalArgumentException(
          "--project is required: the Google Cloud project id to run the tuning job in");
    }
    if (o.bucket == null) {
      throw new IllegalArgumentException(
          "--bucket is required: the name of a Cloud Storage bucket in "
              + o.region
              + " (without gs://)");
    }
    if (o.bucket.startsWith("gs://") || o.bucket.contains("/")) {
      throw new IllegalArgumentException(
          "--bucket "
              + o.bucket
              + " must be a bucket name without gs:// or a path, e.g. "
              + o.bucket.replaceFirst("^gs://", "").replaceAll("/.*", ""));
    }
    String jobName =
        o.jobName != null
            ? o.jobName
            : "lenet5-hp-tuning-" + now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    if (!jobName.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}")) {
      throw new IllegalArgumentException(
          "--job-name "
              + jobName
              + " is not allowed; use up to 128 letters, digits, '_', '.' and '-', starting with a letter or digit");
    }
    atLeastOne("--num-epochs", o.numEpochs);
    atLeastOne("--max-trial-count", o.maxTrialCount);
    atLeastOne("--max-parallel-trial-count", o.parallelTrialCount);
    if (o.parallelTrialCount > o.maxTrialCount) {
      throw new IllegalArgumentException(
          "--max-parallel-trial-count "
              + o.parallelTrialCount
              + " exceeds --max-trial-count "
              + o.maxTrialCount
              + "; it must be at most the number of trials");
    }
    SearchSpace space =
        (o.searchSpace == null
                ? SearchSpace.referenceStudy()
                : SearchSpaceLoader.parse(
                    o.searchSpace, SpaceChoice.read("--search-space", o.searchSpace)))
            .withFixed("num_epochs", String.valueOf(o.numEpochs));
    CustomJobTemplate template =
        CustomJobTemplate.of(
                o.containerUri != null
                    ? o.containerUri
                    : CustomJobTemplate.defaultContainerUri(o.project, o.region))
            .withMachineType(o.machineType)
            .withAccelerator(
                AcceleratorTypes.parse("--accelerator-type", o.acceleratorType), o.acceleratorCount)
            .withServiceAccount(o.serviceAccount == null ? "" : o.serviceAccount);
    return new TuningRequest(
        o.bucket,
        jobName,
        template,
        o.maxTrialCount,
        o.parallelTrialCount,
        o.algorithm,
        o.stopping,
        o.measurement,
        space,
        o.dataDir,
        o.debugSync);
  }

  private static void atLeastOne(String flag, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(flag + " " + value + " must be at least 1");
    }
  }

  /** Builds the settings once, so that what a SubmitToVertex run would refuse is refused here. */
  private LauncherFlags checked() {
    settings();
    return this;
  }

  /** The same settings a SubmitToVertex run would use: they shape the error messages. */
  VertexSettings settings() {
    SubmitToVertex s = SubmitToVertex.to(project, region).withEndpoint(endpoint.toString());
    if (request != null) {
      s = s.withTemplate(request.template()).withOutputPrefix(request.baseOutputDirectory());
    }
    return s.settings();
  }
}
