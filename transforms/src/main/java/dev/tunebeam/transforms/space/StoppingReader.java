package dev.tunebeam.transforms.space;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a search-space file's {@code stopping:} block into a {@link StoppingRule}:
 *
 * <pre>
 * stopping: {rule: median, grace_epochs: 1, at: [1, 3, 6]}
 * stopping: {rule: percentile, percentile: 25, at: [2, 5]}
 * stopping: {rule: threshold, min: 0.6, at: [1]}
 * </pre>
 *
 * Kept apart from the space's other keys: the rule is the schedule's, checked against the space
 * (its algorithm, num_epochs, objectives) where the schedule is planned. Here only its form is.
 */
final class StoppingReader {
  static final String KEY = "stopping";
  private static final Set<String> KEYS =
      Set.of("rule", "grace_epochs", "at", "percentile", "min", "max");

  private StoppingReader() {}

  static Optional<StoppingRule> read(JsonNode root) {
    JsonNode node = root.get(KEY);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException(
          "stopping must be a mapping like {rule: median, grace_epochs: 1, at: [1, 3, 6]}");
    }
    YamlFields.knownKeys(node, KEYS, key -> "stopping has unknown key " + key);
    StoppingRule.Kind kind = kind(node);
    only(node, "percentile", kind, StoppingRule.Kind.PERCENTILE);
    only(node, "min", kind, StoppingRule.Kind.THRESHOLD);
    only(node, "max", kind, StoppingRule.Kind.THRESHOLD);
    int grace = whole(node.get("grace_epochs"), "grace_epochs", 0);
    List<Integer> at = at(node.get("at"));
    double percentile =
        switch (kind) {
          case MEDIAN -> 50;
          case PERCENTILE -> percentile(node);
          case THRESHOLD -> Double.NaN;
        };
    return Optional.of(
        new StoppingRule(
            kind,
            grace,
            at,
            percentile,
            number(node, "min", Double.NaN),
            number(node, "max", Double.NaN)));
  }

  private static StoppingRule.Kind kind(JsonNode node) {
    String rule =
        YamlFields.text(
            node, "rule", null, "stopping.rule is missing; use median, percentile or threshold");
    for (StoppingRule.Kind k : StoppingRule.Kind.values()) {
      if (k.key().equals(rule.trim().toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "stopping.rule " + rule + " is not supported; use median, percentile or threshold");
  }

  /** A key that only one rule reads is refused with another, rather than silently ignored. */
  private static void only(
      JsonNode node, String key, StoppingRule.Kind kind, StoppingRule.Kind owner) {
    if (node.has(key) && kind != owner) {
      throw new IllegalArgumentException(
          "stopping."
              + key
              + " is read only by rule "
              + owner.key()
              + ", not "
              + kind.key()
              + "; drop it or use rule: "
              + owner.key());
    }
  }

  private static List<Integer> at(JsonNode v) {
    List<Integer> at = new ArrayList<>();
    if (v == null || v.isNull()) {
      return at;
    }
    if (v.isValueNode()) {
      at.add(whole(v, "at", 0));
      return at;
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException(
          "stopping.at " + v + " must be a list of epochs, like [1, 3, 6]");
    }
    v.forEach(e -> at.add(whole(e, "at", 0)));
    return at;
  }

  private static int whole(JsonNode v, String key, int fallback) {
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new IllegalArgumentException(
          "stopping." + key + " " + v + " must be a whole number of epochs");
    }
    return v.asInt();
  }

  private static double percentile(JsonNode node) {
    if (!node.hasNonNull("percentile")) {
      throw new IllegalArgumentException(
          "stopping rule percentile needs percentile: the share of trials kept, above 0 and"
              + " below 100 (25 keeps the best quarter)");
    }
    return number(node, "percentile", Double.NaN);
  }

  private static double number(JsonNode node, String key, double fallback) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isNumber()) {
      throw new IllegalArgumentException("stopping." + key + " " + v + " must be a number");
    }
    return v.asDouble();
  }
}
