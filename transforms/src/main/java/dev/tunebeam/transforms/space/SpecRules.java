package dev.tunebeam.transforms.space;

import java.util.HashSet;
import java.util.List;

/** The rules a parameter's declaration follows, shared by the kinds of {@link ParameterSpec}. */
final class SpecRules {
  private SpecRules() {}

  /** A list of values: not empty, each value once. */
  static void values(String name, List<?> values, String what) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException(
          "parameter " + name + " has an empty values list; give at least one " + what);
    }
    if (new HashSet<>(values).size() != values.size()) {
      throw new IllegalArgumentException(
          "parameter " + name + " lists a value twice: " + values + "; list each once");
    }
  }

  /**
   * A range: finite ends in order, a positive low end on a log scale, at least one step, steps
   * where a grid lists it.
   */
  static void range(
      String name, double min, double max, Scale scale, Integer steps, boolean gridNeedsSteps) {
    if (!Double.isFinite(min) || !Double.isFinite(max)) {
      throw new IllegalArgumentException("parameter " + name + " needs finite min and max");
    }
    if (min > max) {
      throw new IllegalArgumentException(
          "parameter "
              + name
              + " has min "
              + ParameterValues.canonical(min)
              + " > max "
              + ParameterValues.canonical(max)
              + "; min must not exceed max");
    }
    if (scale == Scale.LOG && min <= 0) {
      throw new IllegalArgumentException(
          "parameter "
              + name
              + " has scale log with min "
              + ParameterValues.canonical(min)
              + "; a log scale needs min > 0");
    }
    if (steps != null && steps < 1) {
      throw new IllegalArgumentException(
          "parameter " + name + " has steps " + steps + "; steps must be at least 1");
    }
    if (gridNeedsSteps && steps == null) {
      throw new IllegalArgumentException(
          "parameter "
              + name
              + " is a range in a grid search without steps; add steps: N (grid points), or use algorithm: random "
              + "(for halving: samples: N)");
    }
  }
}
