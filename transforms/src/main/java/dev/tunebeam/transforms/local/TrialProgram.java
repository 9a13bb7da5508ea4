package dev.tunebeam.transforms.local;

import dev.tunebeam.trainer.contract.Trainable;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a local trial runs: the built-in LeNet-5 trainer (fused groups of worker JVMs), a command
 * speaking the trial contract (an argument list, never a shell string, with extra environment), or
 * a Java {@link Trainable} in a worker JVM of its own.
 */
record TrialProgram(List<String> command, Map<String, String> environment, Trainable trainable)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public TrialProgram {
    command = command == null ? List.of() : List.copyOf(command);
    environment =
        java.util.Collections.unmodifiableMap(
            new LinkedHashMap<>(environment == null ? Map.of() : environment));
  }

  public static TrialProgram builtIn() {
    return new TrialProgram(List.of(), Map.of(), null);
  }

  /** {@code argv[0]} is the program (found on PATH); the trial's flags follow the rest. */
  public static TrialProgram command(List<String> argv) {
    if (argv == null || argv.isEmpty() || argv.get(0) == null || argv.get(0).isBlank()) {
      throw new IllegalArgumentException(
          "trainer command "
              + argv
              + " is empty; give the program and its arguments as a list, "
              + "e.g. [python3, -m, my_pkg.task]");
    }
    for (String a : argv) {
      if (a == null) {
        throw new IllegalArgumentException(
            "trainer command " + argv + " has a null argument; every entry must be a string");
      }
    }
    return new TrialProgram(argv, Map.of(), null);
  }

  public static TrialProgram java(Trainable trainable) {
    if (trainable == null) {
      throw new IllegalArgumentException("trainable is null; pass a Trainable");
    }
    return new TrialProgram(List.of(), Map.of(), trainable);
  }

  /** Variables added to the trainer's environment (after this JVM's, before the contract's own). */
  public TrialProgram withEnvironment(Map<String, String> env) {
    for (Map.Entry<String, String> e : env.entrySet()) {
      if (e.getKey() == null
          || !e.getKey().matches("[A-Za-z_][A-Za-z0-9_]*")
          || e.getValue() == null) {
        throw new IllegalArgumentException(
            "trainer env "
                + e.getKey()
                + "="
                + e.getValue()
                + " is not allowed; names are letters, digits and '_' (not starting with a digit), values strings");
      }
    }
    return new TrialProgram(command, env, trainable);
  }

  public boolean isBuiltIn() {
    return command.isEmpty() && trainable == null;
  }

  /** How the trainer is shown in logs and errors. */
  public String describe() {
    return trainable != null
        ? "Java trainable " + trainable.getClass().getName()
        : isBuiltIn() ? "built-in trainer" : String.join(" ", command);
  }
}
