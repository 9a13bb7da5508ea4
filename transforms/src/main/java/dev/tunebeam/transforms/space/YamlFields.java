package dev.tunebeam.transforms.space;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Typed reads of a search-space file's fields, each refusal naming the key, the value and what it
 * must be.
 */
final class YamlFields {
  private YamlFields() {}

  /**
   * Refuses a key outside {@code allowed}: "{@code unknown.apply(key)}; allowed: a, b, c" (sorted).
   */
  static void knownKeys(JsonNode node, Set<String> allowed, Function<String, String> unknown) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException(
            unknown.apply(key) + "; allowed: " + String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }

  /**
   * A mapping's entries, each a single value (no list, mapping or null): else "{@code what} KEY
   * must be a single value, got V".
   */
  static Map<String, JsonNode> scalars(JsonNode mapping, String what) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = mapping.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isValueNode() || e.getValue().isNull()) {
        throw new IllegalArgumentException(
            what + " " + e.getKey() + " must be a single value, got " + e.getValue());
      }
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  /** A whole number that fits an int, or {@code fallback} when the key is absent. */
  static int integer(JsonNode node, String key, int fallback) {
    JsonNode v = node.get(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new IllegalArgumentException(key + " " + v + " must be a whole number");
    }
    return v.asInt();
  }

  /** A whole number that fits a long, or 0 when absent. */
  static long longInteger(JsonNode node, String key) {
    JsonNode v = node.get(key);
    if (v == null) {
      return 0;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new IllegalArgumentException(key + " " + v + " must be a whole number");
    }
    return v.asLong();
  }

  /**
   * A single value as text; absent or null: {@code fallback}, or the {@code missing} sentence when
   * there is none.
   */
  static String text(JsonNode node, String key, String fallback, String missing) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      if (fallback == null) {
        throw new IllegalArgumentException(missing);
      }
      return fallback;
    }
    if (!v.isValueNode()) {
      throw new IllegalArgumentException(key + " must be a single value, got " + v);
    }
    return v.asText();
  }

  static String text(JsonNode node, String key, String fallback) {
    return text(node, key, fallback, key + " is missing");
  }
}
