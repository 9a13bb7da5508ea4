package dev.tunebeam.transforms.space;

import dev.tunebeam.trainer.cli.Flags;
import dev.tunebeam.trainer.cli.TrainerArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bridge from a trial's parameters to the trainer contract. Every known parameter name is a
 * trainer flag ({@code batch_size} is {@code --batch-size}); a trial's values are checked by the
 * trainer's own parser, so a search space is rejected for exactly what the trainer would reject.
 */
public final class TrainerParameters {
  /** Parameter names the trainer understands, each a flag with '_' for '-'. */
  public static final Set<String> KNOWN = Set.of(
      "activation", "optimizer", "batch_size", "learning_rate", "num_epochs", "pooling", "init", "normalize", "seed", "train_samples",
      "validation_samples", "test_samples");

  private TrainerParameters() {}

  /**
   * The trainer flags for a trial, as an argument list (never a shell string). Pass-through
   * parameters are included only when {@code includePassThrough}: a user's own container may
   * read them; the bundled trainer rejects unknown flags.
   */
  public static List<String> args(Trial trial, Set<String> passThrough, boolean includePassThrough) {
    List<String> args = new ArrayList<>();
    for (Map.Entry<String, String> e : trial.parameters().entrySet()) {
      boolean known = KNOWN.contains(e.getKey());
      if (known || (includePassThrough && passThrough.contains(e.getKey()))) {
        args.add("--" + (known ? e.getKey().replace('_', '-') : e.getKey()));
        args.add(e.getValue());
      }
    }
    return args;
  }

  /** Throws IllegalArgumentException, in the trainer's words, if the trainer would refuse this one value. */
  public static void checkValue(String name, String value) {
    if (KNOWN.contains(name)) {
      TrainerArgs.member(Flags.parse(List.of("--" + name.replace('_', '-'), value), TrainerArgs.MODEL_FLAGS, Set.of()), Map.of());
    }
  }

  /** Throws IllegalArgumentException, in the trainer's words, if the trainer would refuse the trial. */
  public static void check(Trial trial, Set<String> passThrough) {
    TrainerArgs.member(Flags.parse(args(trial, passThrough, false), TrainerArgs.MODEL_FLAGS, Set.of()), Map.of());
  }
}
