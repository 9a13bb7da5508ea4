package dev.tunebeam.transforms.space;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The conditional structure of a space: which parameters exist only under which parent values.
 * Conditions form a forest (one parent each, no cycles), so the active parameters of a point are
 * found by walking the parameters parents-first, and a grid has no duplicates by construction:
 * an inactive parameter is simply absent from the trial, and so from its id.
 */
public final class Conditions {
  private final List<ParameterSpec> parameters;
  private final Map<String, Condition> conditions;
  private final List<ParameterSpec> parentsFirst;

  Conditions(List<ParameterSpec> parameters, Map<String, Condition> conditions) {
    this.parameters = parameters;
    this.conditions = conditions;
    validate();
    this.parentsFirst = parentsFirst();
  }

  public boolean isEmpty() {
    return conditions.isEmpty();
  }

  /** Whether {@code p} is active given the values chosen so far (its parent is chosen before it). */
  public boolean active(String name, Map<String, String> point) {
    Condition c = conditions.get(name);
    return c == null || c.holds(point);
  }

  /** The parameters in an order where each parent precedes its children. */
  public List<ParameterSpec> parentsFirst() {
    if (parentsFirst != null) {
      return parentsFirst;
    }
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

  /** Every grid point, each with only its active parameters, in the space's declared order. */
  List<Map<String, String>> grid() {
    List<Map<String, String>> points = new ArrayList<>();
    points.add(new LinkedHashMap<>());
    for (ParameterSpec p : parentsFirst) {
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> point : points) {
        if (!active(p.name(), point)) {
          next.add(point);
          continue;
        }
        for (String v : p.gridValues()) {
          Map<String, String> extended = new LinkedHashMap<>(point);
          extended.put(p.name(), v);
          next.add(extended);
        }
      }
      points = next;
    }
    return points.stream().map(this::declaredOrder).toList();
  }

  /** One uniform draw of every active parameter. */
  Map<String, String> sample(Random random) {
    Map<String, String> point = new LinkedHashMap<>();
    for (ParameterSpec p : parentsFirst) {
      if (active(p.name(), point)) {
        point.put(p.name(), p.sample(random));
      }
    }
    return declaredOrder(point);
  }

  /** Grid points without expanding them: a tree's count is the sum over its root's values of its active subtrees' product. */
  long gridSize() {
    long n = 1;
    for (ParameterSpec p : parameters) {
      if (!conditions.containsKey(p.name())) {
        n = Math.multiplyExact(n, count(p));
      }
    }
    return n;
  }

  /** The grid size when every parameter has finitely many values (ranges without steps count as {@code fallback}). */
  public long finiteSizeOr(long fallback) {
    for (ParameterSpec p : parameters) {
      if ((p instanceof ParameterSpec.DoubleRange d && d.steps() == null)) {
        return fallback;
      }
      if (p instanceof ParameterSpec.IntegerRange r && r.steps() == null) {
        return fallback;
      }
    }
    return gridSize();
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

  Map<String, String> declaredOrder(Map<String, String> point) {
    Map<String, String> ordered = new LinkedHashMap<>();
    for (ParameterSpec p : parameters) {
      if (point.containsKey(p.name())) {
        ordered.put(p.name(), point.get(p.name()));
      }
    }
    return ordered;
  }

  private void validate() {
    Map<String, ParameterSpec> byName = new HashMap<>();
    parameters.forEach(p -> byName.put(p.name(), p));
    for (Map.Entry<String, Condition> e : conditions.entrySet()) {
      String child = e.getKey();
      Condition c = e.getValue();
      if (!byName.containsKey(child)) {
        throw new IllegalArgumentException("parameter " + child + " has a when condition but is not a searched parameter");
      }
      ParameterSpec parent = byName.get(c.parent());
      if (parent == null) {
        throw new IllegalArgumentException("parameter " + child + " has when naming " + c.parent() + ", which is not a searched parameter; searched: "
            + String.join(", ", new TreeSet<>(byName.keySet())));
      }
      if (c.values().isEmpty()) {
        throw new IllegalArgumentException("parameter " + child + " has when: {" + c.parent() + ": []}; list at least one value of " + c.parent());
      }
      for (String v : c.values()) {
        if (!parentHas(parent, v)) {
          throw new IllegalArgumentException("parameter " + child + " has when: {" + c.parent() + ": [" + v + "]}, but " + c.parent()
              + " has no value " + v + allowed(parent));
        }
      }
    }
    for (String start : conditions.keySet()) {
      List<String> path = new ArrayList<>(List.of(start));
      for (String at = conditions.get(start).parent(); at != null; at = conditions.containsKey(at) ? conditions.get(at).parent() : null) {
        path.add(at);
        if (at.equals(start)) {
          throw new IllegalArgumentException("parameter " + start + " has a cycle of when conditions: " + String.join(" -> ", path)
              + "; conditions must form a tree");
        }
      }
    }
  }

  private static boolean parentHas(ParameterSpec parent, String value) {
    if (parent instanceof ParameterSpec.IntegerRange r) {
      try {
        long v = Long.parseLong(value);
        return v >= r.min() && v <= r.max();
      } catch (NumberFormatException e) {
        return false;
      }
    }
    if (parent instanceof ParameterSpec.DoubleRange) {
      return false;
    }
    return parent.gridValues().contains(value);
  }

  private static String allowed(ParameterSpec parent) {
    if (parent instanceof ParameterSpec.DoubleRange) {
      return "; a condition's parent must be categorical, discrete or integer, and " + parent.name() + " is a double range";
    }
    if (parent instanceof ParameterSpec.IntegerRange r) {
      return "; allowed: whole numbers from " + r.min() + " to " + r.max();
    }
    return "; allowed: " + String.join(", ", parent.gridValues());
  }
}
