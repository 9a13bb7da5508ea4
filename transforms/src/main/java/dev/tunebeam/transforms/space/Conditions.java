package dev.tunebeam.transforms.space;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.annotations.Internal;

/**
 * The conditional structure of a space: which parameters exist only under which parent values.
 * Conditions form a forest (one parent each, no cycles; {@link ConditionChecks}), so the active
 * parameters of a point are found by walking the parameters parents-first, and a grid has no
 * duplicates by construction: an inactive parameter is simply absent from the trial, and so from
 * its id.
 */
@Internal
public final class Conditions {
  private final List<ParameterSpec> parameters;
  private final Map<String, Condition> conditions;
  private final List<ParameterSpec> parentsFirst;

  /** {@code conditions} have passed {@link ConditionChecks} (a {@link SearchSpace}'s have). */
  Conditions(List<ParameterSpec> parameters, Map<String, Condition> conditions) {
    this.parameters = parameters;
    this.conditions = conditions;
    this.parentsFirst = order();
  }

  public boolean isEmpty() {
    return conditions.isEmpty();
  }

  /**
   * Whether {@code p} is active given the values chosen so far (its parent is chosen before it).
   */
  public boolean active(String name, Map<String, String> point) {
    Condition c = conditions.get(name);
    return c == null || c.holds(point);
  }

  /** The parameters in an order where each parent precedes its children. */
  public List<ParameterSpec> parentsFirst() {
    return parentsFirst;
  }

  private List<ParameterSpec> order() {
    List<ParameterSpec> out = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    while (out.size() < parameters.size()) {
      for (ParameterSpec p : parameters) {
        Condition c = conditions.get(p.name());
        if (!placed.contains(p.name()) && (c == null || placed.contains(c.parent()))) {
          out.add(p);
          placed.add(p.name());
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * Grid points without expanding them: a tree's count is the sum over its root's values of its
   * active subtrees' product.
   */
  long gridSize() {
    long n = 1;
    for (ParameterSpec p : parameters) {
      if (!conditions.containsKey(p.name())) {
        n = Math.multiplyExact(n, count(p));
      }
    }
    return n;
  }

  /**
   * The grid size when every parameter has finitely many values (ranges without steps count as
   * {@code fallback}).
   */
  public long finiteSizeOr(long fallback) {
    return parameters.stream().allMatch(ParameterSpec::hasGrid) ? gridSize() : fallback;
  }

  private long count(ParameterSpec p) {
    long total = 0;
    for (String v : p.gridValues()) {
      long sub = 1;
      for (ParameterSpec child : parameters) {
        Condition c = conditions.get(child.name());
        if (c != null && c.parent().equals(p.name()) && c.values().contains(v)) {
          sub = Math.multiplyExact(sub, count(child));
        }
      }
      total = Math.addExact(total, sub);
    }
    return total;
  }

  /**
   * The children that {@code parent = value} switches off for good: their condition does not list
   * the value.
   */
  Set<String> offWhen(String parent, String value) {
    Set<String> off = new LinkedHashSet<>();
    conditions.forEach(
        (child, c) -> {
          if (c.parent().equals(parent) && !c.values().contains(value)) {
            off.add(child);
          }
        });
    return off;
  }

  /** The point's entries in the space's declared order. */
  Map<String, String> declaredOrder(Map<String, String> point) {
    Map<String, String> ordered = new LinkedHashMap<>();
    for (ParameterSpec p : parameters) {
      if (point.containsKey(p.name())) {
        ordered.put(p.name(), point.get(p.name()));
      }
    }
    return ordered;
  }
}
