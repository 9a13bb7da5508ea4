package dev.tunebeam.transforms.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One hyperparameter as a chart axis. Numbers are placed by value (by logarithm where they span
 * two decades, as learning rates do); anything else, or a parameter that some trials lack, is a
 * list of categories in sorted order.
 */
final class ParameterAxis {
  static final String MISSING = "(none)";
  private static final int MAX_VALUE_TICKS = 8;

  private final String name;
  private final List<String> categories;
  private final List<Double> numbers;

  private ParameterAxis(String name, List<String> categories, List<Double> numbers) {
    this.name = name;
    this.categories = categories;
    this.numbers = numbers;
  }

  static ParameterAxis of(String name, List<TrialResult> trials) {
    TreeSet<String> texts = new TreeSet<>();
    trials.forEach(r -> texts.add(valueOf(r, name)));
    List<Double> numbers = new ArrayList<>();
    for (String t : texts) {
      Double d = parse(t);
      if (d == null) {
        numbers = null;
        break;
      }
      numbers.add(d);
    }
    List<String> categories = new ArrayList<>(texts);
    if (numbers != null) {
      categories.sort(Comparator.comparingDouble(ParameterAxis::parse));
      numbers.sort(Double::compare);
    }
    return new ParameterAxis(name, categories, numbers);
  }

  String name() {
    return name;
  }

  boolean numeric() {
    return numbers != null;
  }

  /** Distinct values, numbers in numeric order. */
  List<String> categories() {
    return categories;
  }

  static String valueOf(TrialResult r, String parameter) {
    String v = r.trial().get(parameter);
    return v == null ? MISSING : v;
  }

  /** Where the trial's value sits between {@code from} and {@code to}. */
  double position(TrialResult r, double from, double to) {
    String v = valueOf(r, name);
    return numeric() ? scale(from, to).at(parse(v)) : categoryPosition(categories.indexOf(v), from, to);
  }

  /** Tick label to position: every value when there are few, round values otherwise. */
  Map<String, Double> ticks(double from, double to) {
    Map<String, Double> ticks = new LinkedHashMap<>();
    if (!numeric()) {
      for (int i = 0; i < categories.size(); i++) {
        ticks.put(categories.get(i), categoryPosition(i, from, to));
      }
    } else if (categories.size() <= MAX_VALUE_TICKS) {
      for (String c : categories) {
        ticks.put(c, scale(from, to).at(parse(c)));
      }
    } else {
      Scale s = scale(from, to);
      List<Double> values = s.log() ? decades(s) : s.ticks(5);
      values.forEach(v -> ticks.put(Html.number(v), s.at(v)));
    }
    return ticks;
  }

  /** Inset like the categories are, so the extreme values' labels stay clear of the axis ends. */
  private Scale scale(double from, double to) {
    double inset = (to - from) * 0.06;
    return Scale.fitting(numbers, from + inset, to - inset);
  }

  private double categoryPosition(int index, double from, double to) {
    return from + (index + 0.5) / categories.size() * (to - from);
  }

  private static List<Double> decades(Scale s) {
    List<Double> d = new ArrayList<>();
    for (double p = Math.ceil(Math.log10(s.min()) - 1e-9); p <= Math.log10(s.max()) + 1e-9; p++) {
      d.add(Math.pow(10, p));
    }
    return d;
  }

  private static Double parse(String s) {
    try {
      double d = Double.parseDouble(s);
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
