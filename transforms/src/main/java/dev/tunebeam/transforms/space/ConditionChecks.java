package dev.tunebeam.transforms.space;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The rules {@code when:} conditions follow: each names a searched child and a searched parent,
 * lists at least one value the parent can take, and together they form a forest (no cycles).
 */
final class ConditionChecks {
  private ConditionChecks() {}

  static void check(List<ParameterSpec> parameters, Map<String, Condition> conditions) {
    Map<String, ParameterSpec> byName = new HashMap<>();
    parameters.forEach(p -> byName.put(p.name(), p));
    for (Map.Entry<String, Condition> e : conditions.entrySet()) {
      String child = e.getKey();
      Condition c = e.getValue();
      if (!byName.containsKey(child)) {
        throw new IllegalArgumentException(
            "parameter " + child + " has a when condition but is not a searched parameter");
      }
      ParameterSpec parent = byName.get(c.parent());
      if (parent == null) {
        throw new IllegalArgumentException(
            "parameter "
                + child
                + " has when naming "
                + c.parent()
                + ", which is not a searched parameter; searched: "
                + String.join(", ", new TreeSet<>(byName.keySet())));
      }
      if (c.values().isEmpty()) {
        throw new IllegalArgumentException(
            "parameter "
                + child
                + " has when: {"
                + c.parent()
                + ": []}; list at least one value of "
                + c.parent());
      }
      for (String v : c.values()) {
        if (!parent.admitsConditionValue(v)) {
          throw new IllegalArgumentException(
              "parameter "
                  + child
                  + " has when: {"
                  + c.parent()
                  + ": ["
                  + v
                  + "]}, but "
                  + c.parent()
                  + " has no value "
                  + v
                  + parent.conditionValuesAllowed());
        }
      }
    }
    noCycles(conditions);
  }

  private static void noCycles(Map<String, Condition> conditions) {
    for (String start : conditions.keySet()) {
      List<String> path = new ArrayList<>(List.of(start));
      for (String at = conditions.get(start).parent();
          at != null;
          at = conditions.containsKey(at) ? conditions.get(at).parent() : null) {
        if (!at.equals(start) && path.contains(at)) {
          break; // a cycle that does not pass through start: reported when one of its own members
          // is the start
        }
        path.add(at);
        if (at.equals(start)) {
          throw new IllegalArgumentException(
              "parameter "
                  + start
                  + " has a cycle of when conditions: "
                  + String.join(" -> ", path)
                  + "; conditions must form a tree");
        }
      }
    }
  }
}
