package dev.tunebeam.transforms.space;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every check a {@link SearchSpace} passes, run once when it is constructed (from a file or the
 * builder alike): the study name, that there is an algorithm (its settings record checks itself),
 * each parameter's name, kind rules and values (as the trainer would take them), the fixed values,
 * the conditions and the repeats. Each message names the field or parameter, the bad value and what
 * is allowed.
 */
final class SpaceChecks {
  /**
   * The leaderboard's own columns (results.csv, results.json, results.md, report.html): a parameter
   * with one of these names would give results.csv two columns of that name, and a reader (pandas,
   * a spreadsheet) would see only one of them. {@code LeaderboardColumnsTest} keeps this list equal
   * to the leaderboard's.
   */
  static final Set<String> RESULT_COLUMNS =
      Set.of(
          "rank",
          "trial_id",
          "chosen_epoch",
          "test_accuracy",
          "final_test_accuracy",
          "front",
          "point",
          "epochs",
          "seconds",
          "group_seconds",
          "backend",
          "device",
          "status",
          "note",
          "error");

  private SpaceChecks() {}

  static void check(
      String study,
      AlgorithmSettings algorithm,
      List<ParameterSpec> parameters,
      Map<String, String> fixed,
      Set<String> passThrough,
      Map<String, Condition> conditions,
      int repeats) {
    study(study);
    if (algorithm == null) {
      throw new IllegalArgumentException(
          "algorithm is missing; allowed: " + String.join(", ", AlgorithmCatalog.get().keys()));
    }
    Set<String> seen = new HashSet<>();
    boolean unchecked = passThrough.contains(TrainerParameters.ALL);
    boolean gridNeedsSteps = algorithm.listsGrid();
    for (ParameterSpec p : parameters) {
      name(p.name(), passThrough);
      if (!seen.add(p.name())) {
        throw new IllegalArgumentException(
            "parameter " + p.name() + " is declared twice; declare each parameter once");
      }
      p.check(gridNeedsSteps);
      for (String v : unchecked ? List.<String>of() : p.checkedValues()) {
        value(p.name(), v);
      }
    }
    for (Map.Entry<String, String> f : fixed.entrySet()) {
      name(f.getKey(), passThrough);
      if (!seen.add(f.getKey())) {
        throw new IllegalArgumentException(
            "parameter " + f.getKey() + " is both searched and fixed; keep one");
      }
      if (f.getValue() == null || f.getValue().isBlank()) {
        throw new IllegalArgumentException("fixed parameter " + f.getKey() + " has no value");
      }
      if (!unchecked) {
        value(f.getKey(), f.getValue());
      }
    }
    ConditionChecks.check(parameters, conditions);
    Repeats.check(repeats, parameters);
  }

  private static void study(String study) {
    if (study == null || !study.matches("[a-z][a-z0-9_-]{0,62}")) {
      throw new IllegalArgumentException(
          "study "
              + study
              + " is not allowed; use 1-63 lowercase letters, digits, '_' and '-', starting with a letter");
    }
  }

  private static void name(String name, Set<String> passThrough) {
    if (name == null || !name.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException(
          "parameter name "
              + name
              + " is not allowed; use lowercase letters, digits and '_', starting with a letter");
    }
    if (RESULT_COLUMNS.contains(name)) {
      throw new IllegalArgumentException(
          "parameter name "
              + name
              + " is a column of the results table, which would then have two columns named "
              + name
              + "; rename the parameter (e.g. "
              + name
              + "_value, and the trainer's flag with it)");
    }
    if (!TrainerParameters.KNOWN.contains(name)
        && !passThrough.contains(name)
        && !passThrough.contains(TrainerParameters.ALL)) {
      throw new IllegalArgumentException(
          "parameter "
              + name
              + " is unknown; known: "
              + String.join(", ", new TreeSet<>(TrainerParameters.KNOWN))
              + " (or declare it under passthrough to hand it to your own container)");
    }
  }

  /** One value as the trainer would take it, its error prefixed with the parameter. */
  private static void value(String name, String value) {
    try {
      TrainerParameters.checkValue(name, value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("parameter " + name + ": " + e.getMessage(), e);
    }
  }
}
