package dev.tunebeam.transforms.space;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.annotations.Internal;

/**
 * One searched hyperparameter, in the four kinds Vertex AI's {@code ParameterSpec} has: categorical
 * strings, discrete numbers, and integer or double ranges on a linear or log scale. Values are
 * produced in canonical text ({@link ParameterValues}). What differs between the kinds (their
 * rules, their grid, how a condition may name their values) is a method of each kind, so the code
 * that walks a space never asks which kind it holds.
 */
@Internal
public sealed interface ParameterSpec extends java.io.Serializable {
  String name();

  /** The values a grid takes, in order; ranges need {@code steps}. */
  List<String> gridValues();

  /** One value drawn uniformly (in log space for a log scale). */
  String sample(Random random);

  /**
   * Throws an IllegalArgumentException naming the parameter if its own declaration is wrong; {@code
   * gridNeedsSteps}: the space lists its grid, so a range must say how many points it has.
   */
  void check(boolean gridNeedsSteps);

  /** The values the trainer can check one by one: every listed value, or a range's ends. */
  List<String> checkedValues();

  /**
   * Grid points without listing them: a list's length, a range's steps (for an integer range at
   * most the integers it holds; nearby steps can round to one value, so this is an upper bound,
   * exact once the grid is expanded); 0 for a range without steps.
   */
  long gridPointCount();

  /**
   * The points a range's grid is divided into; null for a list (its values are the grid) or a range
   * without steps.
   */
  default Integer steps() {
    return null;
  }

  /** Whether the grid's values are known: always for a list, for a range when it has steps. */
  default boolean hasGrid() {
    return true;
  }

  /** Whether a {@code when:} condition may name {@code value} of this parameter (as its parent). */
  default boolean admitsConditionValue(String value) {
    return gridValues().contains(value);
  }

  /**
   * A range as numbers, for samplers that model values on a line; null for a list (its choices are
   * its grid values).
   */
  default NumericRange numeric() {
    return null;
  }

  /** What a condition on this parameter may name, as the tail of an error sentence. */
  default String conditionValuesAllowed() {
    return "; allowed: " + String.join(", ", gridValues());
  }

  record Categorical(String name, List<String> values) implements ParameterSpec {
    public Categorical {
      values = List.copyOf(values);
    }

    @Override
    public List<String> gridValues() {
      return values;
    }

    @Override
    public String sample(Random random) {
      return values.get(random.nextInt(values.size()));
    }

    @Override
    public void check(boolean gridNeedsSteps) {
      SpecRules.values(name, values, "value");
    }

    @Override
    public List<String> checkedValues() {
      return values;
    }

    @Override
    public long gridPointCount() {
      return values.size();
    }
  }

  record Discrete(String name, List<Double> values) implements ParameterSpec {
    public Discrete {
      values = List.copyOf(values);
    }

    @Override
    public List<String> gridValues() {
      return values.stream().map(ParameterValues::canonical).toList();
    }

    @Override
    public String sample(Random random) {
      return ParameterValues.canonical(values.get(random.nextInt(values.size())));
    }

    @Override
    public void check(boolean gridNeedsSteps) {
      SpecRules.values(name, values, "number");
    }

    @Override
    public List<String> checkedValues() {
      return gridValues();
    }

    @Override
    public long gridPointCount() {
      return values.size();
    }
  }

  record IntegerRange(String name, long min, long max, Scale scale, Integer steps)
      implements ParameterSpec {
    @Override
    public List<String> gridValues() {
      LinkedHashSet<String> out = new LinkedHashSet<>();
      for (double v : Ranges.points(min, max, scale, steps)) {
        out.add(Long.toString(Math.round(v)));
      }
      return new ArrayList<>(out);
    }

    @Override
    public String sample(Random random) {
      NumericRange n = numeric();
      return n.value(
          scale == Scale.LOG
              ? Ranges.draw(min, max, Scale.LOG, random)
              : Ranges.draw(n.low(), n.high(), Scale.LINEAR, random));
    }

    @Override
    public void check(boolean gridNeedsSteps) {
      SpecRules.range(name, min, max, scale, steps, gridNeedsSteps);
    }

    @Override
    public List<String> checkedValues() {
      return List.of(Long.toString(min), Long.toString(max));
    }

    @Override
    public long gridPointCount() {
      long span = max - min < 0 ? Long.MAX_VALUE : max - min + 1;
      return Math.min(steps == null ? 0 : steps, span);
    }

    @Override
    public boolean hasGrid() {
      return steps != null;
    }

    @Override
    public boolean admitsConditionValue(String value) {
      try {
        long v = Long.parseLong(value);
        return v >= min && v <= max;
      } catch (NumberFormatException e) {
        return false;
      }
    }

    @Override
    public String conditionValuesAllowed() {
      return "; allowed: whole numbers from " + min + " to " + max;
    }

    @Override
    public NumericRange numeric() {
      return NumericRange.of(this);
    }
  }

  record DoubleRange(String name, double min, double max, Scale scale, Integer steps)
      implements ParameterSpec {
    @Override
    public List<String> gridValues() {
      return Ranges.points(min, max, scale, steps).stream()
          .map(ParameterValues::canonical)
          .distinct()
          .toList();
    }

    @Override
    public String sample(Random random) {
      return ParameterValues.canonical(Ranges.draw(min, max, scale, random));
    }

    @Override
    public void check(boolean gridNeedsSteps) {
      SpecRules.range(name, min, max, scale, steps, gridNeedsSteps);
    }

    @Override
    public List<String> checkedValues() {
      return List.of(ParameterValues.canonical(min), ParameterValues.canonical(max));
    }

    @Override
    public long gridPointCount() {
      return steps == null ? 0 : steps;
    }

    @Override
    public boolean hasGrid() {
      return steps != null;
    }

    /** A condition names exact values, and a continuous range has none worth naming. */
    @Override
    public boolean admitsConditionValue(String value) {
      return false;
    }

    @Override
    public String conditionValuesAllowed() {
      return "; a condition's parent must be categorical, discrete or integer, and "
          + name
          + " is a double range";
    }

    @Override
    public NumericRange numeric() {
      return NumericRange.of(this);
    }
  }
}
