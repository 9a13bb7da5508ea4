package dev.tunebeam.transforms.space;

import dev.tunebeam.trainer.train.TrainingConfig;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.beam.sdk.annotations.Internal;

/**
 * Whether a point given from outside the search (a warm start's known point, an earlier study's
 * trial) lies inside a space: a value for each searched parameter active under it, each one the
 * parameter allows (a listed value, a whole number or a number within a range), none for an
 * inactive one. Values come back in canonical text, so that the point's trial has the id a search
 * of this space would give it.
 */
@Internal
public final class WarmPoints {
  private static final String EPOCHS = "num_epochs";

  private WarmPoints() {}

  /**
   * The point, canonical and in declared order; otherwise an IllegalArgumentException whose one
   * sentence starts with {@code field} and names the parameter and what it allows.
   */
  public static Map<String, String> check(
      SearchSpace space, Map<String, String> values, String field) {
    Set<String> searched = new HashSet<>();
    space.parameters().forEach(p -> searched.add(p.name()));
    for (String name : values.keySet()) {
      if (!searched.contains(name)) {
        throw new IllegalArgumentException(
            field
                + ": "
                + name
                + " is not a searched parameter of study "
                + space.study()
                + "; give values for "
                + String.join(", ", space.parameters().stream().map(ParameterSpec::name).toList()));
      }
    }
    Conditions conditions = space.conditional();
    Map<String, String> point = new LinkedHashMap<>();
    for (ParameterSpec p : conditions.parentsFirst()) {
      String v = values.get(p.name());
      boolean active = conditions.active(p.name(), point);
      if (!active && v != null) {
        throw new IllegalArgumentException(
            field
                + ": "
                + p.name()
                + " is not used where the point's other values put it (its when: condition does"
                + " not hold); remove it");
      }
      if (!active) {
        continue;
      }
      if (v == null) {
        throw new IllegalArgumentException(
            field + ": " + p.name() + " is missing; give one value" + allowed(p));
      }
      String canonical = canonical(p, v);
      if (canonical == null) {
        throw new IllegalArgumentException(
            field + ": " + p.name() + " " + v + " is outside the space" + allowed(p));
      }
      point.put(p.name(), canonical);
    }
    return conditions.declaredOrder(point);
  }

  /**
   * The point of an earlier trial's parameters when the trial is one this space would train (the
   * same searched values, allowed here, and the same fixed values); empty otherwise.
   */
  public static Optional<Map<String, String>> inside(
      SearchSpace space, Map<String, String> parameters) {
    Set<String> searched = new HashSet<>();
    space.parameters().forEach(p -> searched.add(p.name()));
    Map<String, String> values = new LinkedHashMap<>(parameters);
    values.keySet().retainAll(searched);
    Map<String, String> point;
    try {
      point = check(space, values, "earlier trial");
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    Map<String, String> theirs = new LinkedHashMap<>();
    parameters.forEach((k, v) -> theirs.put(k, sameNumber(v)));
    Map<String, String> ours = new LinkedHashMap<>();
    space.trial(point).parameters().forEach((k, v) -> ours.put(k, sameNumber(v)));
    // A study of rounds or rungs states each trial's num_epochs, the trainer's default when the
    // space fixes none: the same trial as one that left it out.
    String epochs = Integer.toString(TrainingConfig.DEFAULT_EPOCHS);
    for (Map<String, String> m : List.of(theirs, ours)) {
      if (epochs.equals(m.get(EPOCHS))) {
        m.remove(EPOCHS);
      }
    }
    return theirs.equals(ours) ? Optional.of(point) : Optional.empty();
  }

  /** A parameter's canonical value for {@code v}, or null when it does not allow it. */
  static String canonical(ParameterSpec p, String v) {
    NumericRange r = p.numeric();
    if (r == null) {
      List<String> allowed = p.gridValues();
      if (allowed.contains(v)) {
        return v;
      }
      String number = sameNumber(v);
      return allowed.stream().filter(a -> sameNumber(a).equals(number)).findFirst().orElse(null);
    }
    double x;
    try {
      x = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return null;
    }
    if (r.integer()) {
      return x == Math.rint(x) && x >= r.min() && x <= r.max() ? Long.toString((long) x) : null;
    }
    return x >= r.low() && x <= r.high() ? ParameterValues.canonical(x) : null;
  }

  /** A number's canonical text ({@code 64.0} and {@code 64} alike); other text as it is. */
  static String sameNumber(String v) {
    try {
      return ParameterValues.canonical(Double.parseDouble(v));
    } catch (NumberFormatException e) {
      return v;
    }
  }

  private static String allowed(ParameterSpec p) {
    NumericRange r = p.numeric();
    if (r == null) {
      return "; allowed: " + String.join(", ", p.gridValues());
    }
    return r.integer()
        ? "; allowed: whole numbers from " + r.min() + " to " + r.max()
        : "; allowed: numbers from "
            + ParameterValues.canonical(r.low())
            + " to "
            + ParameterValues.canonical(r.high());
  }
}
