package dev.tunebeam.transforms.space;

import dev.tunebeam.trainer.cli.TrainerArgs;
import dev.tunebeam.trainer.contract.TrialContract;
import dev.tunebeam.transforms.study.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.sdk.annotations.Internal;

/**
 * The bridge from a trial's parameters to the trainer contract. Every known parameter name is a
 * trainer flag ({@code batch_size} is {@code --batch-size}); a trial's values are checked by the
 * trainer's own parser, so a search space is rejected for exactly what the trainer would reject.
 */
@Internal
public final class TrainerParameters {
  /** Parameter names the trainer understands: its hyperparameter flags, with '_' for '-'. */
  public static final Set<String> KNOWN =
      TrainerArgs.HYPERPARAMETERS.stream()
          .map(f -> f.replace('-', '_'))
          .collect(Collectors.toUnmodifiableSet());

  /**
   * In a space's pass-through set: every parameter passes through unchecked, named as in the space.
   * A command trainer's space: the program validates its own flags.
   */
  public static final String ALL = "*";

  private TrainerParameters() {}

  /**
   * The trainer flags for a trial, as an argument list (never a shell string). Pass-through
   * parameters are included only when {@code includePassThrough}: a user's own container may read
   * them; the bundled trainer rejects unknown flags.
   */
  public static List<String> args(
      Trial trial, Set<String> passThrough, boolean includePassThrough) {
    if (passThrough.contains(ALL)) {
      return includePassThrough ? TrialContract.flags(trial.parameters()) : List.of();
    }
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

  /**
   * Throws IllegalArgumentException, in the trainer's words, if the trainer would refuse this one
   * value.
   */
  public static void checkValue(String name, String value) {
    if (KNOWN.contains(name)) {
      List<String> args = new ArrayList<>(List.of("--" + name.replace('_', '-'), value));
      if (name.equals("momentum")) {
        // Momentum is SGD's alone; a value on its own is checked as SGD's (the trial check sees the
        // optimizer).
        args.addAll(List.of("--optimizer", "sgd"));
      }
      TrainerArgs.member(args);
    }
  }

  /**
   * Throws IllegalArgumentException, in the trainer's words, if the trainer would refuse the trial.
   */
  public static void check(Trial trial, Set<String> passThrough) {
    if (passThrough.contains(ALL)) {
      return;
    }
    TrainerArgs.member(args(trial, passThrough, false));
  }
}
