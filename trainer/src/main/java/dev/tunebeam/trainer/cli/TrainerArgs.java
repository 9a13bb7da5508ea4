package dev.tunebeam.trainer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunebeam.trainer.data.Normalize;
import dev.tunebeam.trainer.data.ValidationSplit;
import dev.tunebeam.trainer.model.Activation;
import dev.tunebeam.trainer.model.Init;
import dev.tunebeam.trainer.model.Pooling;
import dev.tunebeam.trainer.optim.OptimizerKind;
import dev.tunebeam.trainer.train.DeviceChoice;
import dev.tunebeam.trainer.train.MemberRun;
import dev.tunebeam.trainer.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The trainer contract's flags, turned into the models to train. One model by default; with
 * {@code --group FILE} a JSON list of members, each with its own flags, trained as one fused
 * group (how a local worker process runs a group of trials).
 */
public final class TrainerArgs {
  public static final Set<String> MODEL_FLAGS = Set.of(
      "activation", "optimizer", "batch-size", "num-epochs", "learning-rate", "pooling", "init", "normalize", "seed", "data-dir",
      "model-dir", "checkpoint-dir", "tensorboard-dir", "train-samples", "validation-samples", "validation-seed", "test-samples", "device",
      "metric-id", "trial-id", "momentum");
  public static final Set<String> PROCESS_FLAGS = Set.of("threads", "group", "outcome-file");
  public static final Set<String> SWITCHES = Set.of("help");

  private TrainerArgs() {}

  /** What a process was asked to do: train these members with this many compute threads (0: engine default). */
  public record Invocation(List<MemberRun> members, int threads, boolean help, boolean group) {}

  public static Invocation parse(List<String> args, Map<String, String> env) {
    Set<String> known = new java.util.HashSet<>(MODEL_FLAGS);
    known.addAll(PROCESS_FLAGS);
    Flags flags = Flags.parse(args, known, SWITCHES);
    int threads = flags.integer("threads", 0);
    if (threads < 0) {
      throw new UsageException("--threads " + threads + " is negative; use 0 for the engine's default or a positive count");
    }
    if (flags.bool("help")) {
      return new Invocation(List.of(), threads, true, false);
    }
    if (flags.has("group")) {
      for (String f : MODEL_FLAGS) {
        if (flags.has(f)) {
          throw new UsageException("--" + f + " conflicts with --group; put it in the group file's member args");
        }
      }
      return new Invocation(group(flags.string("group", null)), threads, false, true);
    }
    return new Invocation(List.of(member(flags, env)), threads, false, false);
  }

  /** One model from its flags; Vertex's AIP_* variables fill the directories not given. */
  public static MemberRun member(Flags flags, Map<String, String> env) {
    TrainingConfig config;
    try {
      config = TrainingConfig.builder()
          .activation(Activation.parse("--activation", flags.string("activation", "relu")))
          .optimizer(OptimizerKind.parse("--optimizer", flags.string("optimizer", "adam")))
          .learningRate(flags.decimal("learning-rate"))
          .momentum(flags.decimal("momentum"))
          .batchSize(flags.integer("batch-size", TrainingConfig.DEFAULT_BATCH_SIZE))
          .epochs(flags.integer("num-epochs", TrainingConfig.DEFAULT_EPOCHS))
          .pooling(Pooling.parse("--pooling", flags.string("pooling", "avg")))
          .init(Init.parse("--init", flags.string("init", "torch")))
          .normalize(Normalize.parse("--normalize", flags.string("normalize", "none")))
          .seed(flags.longValue("seed", TrainingConfig.DEFAULT_SEED))
          .trainSamples(flags.integer("train-samples", 0))
          .validationSamples(flags.integer("validation-samples", ValidationSplit.DEFAULT_SAMPLES))
          .validationSeed(flags.longValue("validation-seed", ValidationSplit.DEFAULT_SEED))
          .testSamples(flags.integer("test-samples", 0))
          .dataDir(flags.string("data-dir", null))
          .device(DeviceChoice.parse("--device", flags.string("device", "auto")))
          .build();
    } catch (UsageException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    String metricId = flags.string("metric-id", MemberRun.defaultMetricId(config));
    if (!metricId.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
      throw new UsageException("--metric-id " + metricId + " is not allowed; use letters, digits and '_', starting with a letter");
    }
    return new MemberRun(
        flags.string("trial-id", env.get("CLOUD_ML_TRIAL_ID")),
        config,
        flags.string("model-dir", env.get("AIP_MODEL_DIR")),
        flags.string("checkpoint-dir", env.get("AIP_CHECKPOINT_DIR")),
        flags.string("tensorboard-dir", env.get("AIP_TENSORBOARD_LOG_DIR")),
        metricId);
  }

  private static List<MemberRun> group(String file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readAllBytes(Path.of(file)));
    } catch (IOException e) {
      throw new UsageException("--group " + file + " cannot be read: " + e.getMessage());
    }
    JsonNode members = root.path("members");
    if (!members.isArray() || members.isEmpty()) {
      throw new UsageException("--group " + file + " has no members; it must be {\"members\": [{\"args\": [...]}, ...]}");
    }
    List<MemberRun> runs = new ArrayList<>();
    for (JsonNode m : members) {
      List<String> args = new ArrayList<>();
      m.path("args").forEach(a -> args.add(a.asText()));
      runs.add(member(Flags.parse(args, MODEL_FLAGS, Set.of()), Map.of()));
    }
    return runs;
  }
}
