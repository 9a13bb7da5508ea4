package dev.tunebeam.trainer.contract;

import dev.tunebeam.trainer.report.HypertuneReporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a {@link Trainable} gets: the trial's hyperparameters with typed getters (a wrong or missing
 * value is a {@link BadParameterException} naming the parameter), the contract's folders (each null
 * when the run gives none), the device asked for, and {@link #report} for per-epoch metrics,
 * written to the hypertune metric file as {@code cloudml-hypertune} writes it.
 */
public final class TrialContext {
  private final Map<String, String> parameters;
  private final Map<String, String> env;
  private final HypertuneReporter reporter;
  private long lastStep;

  TrialContext(Map<String, String> parameters, Map<String, String> env) {
    this.parameters = Map.copyOf(parameters);
    this.env = Map.copyOf(env);
    this.reporter = HypertuneReporter.fromEnvironment(env);
  }

  /**
   * The contract's flags ({@code --name value} or {@code --name=value}) as parameters named as in
   * the search space.
   */
  public static TrialContext fromContract(List<String> args, Map<String, String> env) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new BadParameterException(
            "unexpected argument " + arg + "; parameters come as --name value or --name=value");
      }
      int eq = arg.indexOf('=');
      String name = eq > 0 ? arg.substring(2, eq) : arg.substring(2);
      String value;
      if (eq > 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new BadParameterException("--" + name + " needs a value");
      }
      if (parameters.put(name, value) != null) {
        throw new BadParameterException("parameter " + name + " is given twice; give it once");
      }
    }
    return new TrialContext(parameters, env);
  }

  public Map<String, String> parameters() {
    return parameters;
  }

  public String trialId() {
    return env.getOrDefault(ContractEnvironment.TRIAL_ID, "0");
  }

  public Path modelDir() {
    return path(ContractEnvironment.MODEL_DIR);
  }

  public Path checkpointDir() {
    return path(ContractEnvironment.CHECKPOINT_DIR);
  }

  public Path tensorboardDir() {
    return path(ContractEnvironment.TENSORBOARD_LOG_DIR);
  }

  /** {@code cpu}, {@code gpu} or {@code auto} (the default). */
  public String device() {
    return env.getOrDefault(ContractEnvironment.DEVICE, "auto");
  }

  private Path path(String variable) {
    String v = env.get(variable);
    return v == null || v.isBlank() ? null : Path.of(v);
  }

  public String string(String name) {
    String v = parameters.get(name);
    if (v == null) {
      throw new BadParameterException(
          "parameter "
              + name
              + " is missing; add it to the search space's parameters or fixed values");
    }
    return v;
  }

  public String string(String name, String fallback) {
    return parameters.getOrDefault(name, fallback);
  }

  /** One of {@code allowed}, compared case-insensitively; the value returned lower-case. */
  public String choice(String name, String fallback, String... allowed) {
    String v = string(name, fallback).trim().toLowerCase(Locale.ROOT);
    if (Arrays.stream(allowed).noneMatch(v::equals)) {
      throw new BadParameterException(
          "parameter "
              + name
              + " "
              + v
              + " is not supported; allowed: "
              + String.join(", ", allowed));
    }
    return v;
  }

  public int integer(String name) {
    return integer(name, string(name));
  }

  public int integer(String name, int fallback) {
    return parameters.containsKey(name) ? integer(name, parameters.get(name)) : fallback;
  }

  public double decimal(String name) {
    return decimal(name, string(name));
  }

  public double decimal(String name, double fallback) {
    return parameters.containsKey(name) ? decimal(name, parameters.get(name)) : fallback;
  }

  private static int integer(String name, String value) {
    try {
      // 128.0 is 128: Vertex AI passes integer parameters as decimals.
      return new BigDecimal(value.trim()).intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new BadParameterException(
          "parameter " + name + " " + value + " is not a whole number; give an integer such as 64");
    }
  }

  private static double decimal(String name, String value) {
    try {
      double d = Double.parseDouble(value.trim());
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // falls through to the sentence below
    }
    throw new BadParameterException(
        "parameter " + name + " " + value + " is not a finite number; give a number such as 0.001");
  }

  /**
   * Reports metrics for a step (an epoch): one line per metric in the hypertune metric file. Tags
   * are letters, digits and '_' ({@code val_accuracy}); values must be numbers.
   */
  public void report(long step, Map<String, Double> metrics) {
    for (Map.Entry<String, Double> m : metrics.entrySet()) {
      if (!m.getKey().matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
        throw new IllegalArgumentException(
            "metric tag "
                + m.getKey()
                + " is not allowed; use letters, digits and '_', starting with a letter");
      }
      if (reporter == null) {
        continue;
      }
      try {
        reporter.report(m.getKey(), m.getValue(), step);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot write the hypertune metric file " + reporter.file(), e);
      }
    }
    lastStep = Math.max(lastStep, step);
  }

  /** Reports the outcome's final metrics at the last step reported (step 1 if none was). */
  void finish(TrialOutcome outcome) {
    if (!outcome.metrics().isEmpty()) {
      report(Math.max(1, lastStep), outcome.metrics());
    }
  }
}
