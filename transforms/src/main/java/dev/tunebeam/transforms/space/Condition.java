package dev.tunebeam.transforms.space;

import java.io.Serializable;
import java.util.List;

/**
 * {@code when: {parent: [values]}} on a parameter: it exists only in trials whose {@code parent}
 * has one of {@code values} (canonical text). One parent per condition, as Vertex AI's {@code
 * ConditionalParameterSpec} has.
 */
public record Condition(String parent, List<String> values) implements Serializable {
  private static final long serialVersionUID = 1L;

  public Condition {
    values = List.copyOf(values);
  }

  public boolean holds(java.util.Map<String, String> point) {
    String v = point.get(parent);
    return v != null && values.contains(v);
  }
}
