package dev.tunebeam.transforms.space;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a parameter's {@code when: {parent: [values]}} from a search-space file. */
final class ConditionReader {
  private ConditionReader() {}

  static Optional<Condition> read(String name, JsonNode when) {
    if (when == null || when.isNull()) {
      return Optional.empty();
    }
    if (!when.isObject() || when.size() != 1) {
      throw new IllegalArgumentException(
          "parameter "
              + name
              + " has when "
              + when
              + "; write when: {parent: [values]} with exactly one parent");
    }
    String parent = when.fieldNames().next();
    JsonNode listed = when.get(parent);
    List<String> values = new ArrayList<>();
    for (JsonNode v : listed.isArray() ? listed : List.of(listed)) {
      if (!v.isValueNode() || v.isNull()) {
        throw new IllegalArgumentException(
            "parameter "
                + name
                + " has when: {"
                + parent
                + ": "
                + listed
                + "}; list the parent's values, e.g. [sgd]");
      }
      values.add(v.isNumber() ? ParameterValues.canonical(v.asDouble()) : v.asText());
    }
    return Optional.of(new Condition(parent, values));
  }
}
