package dev.tunebeam.transforms.space;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads one parameter of a search-space file, {@code name: {type: ..., values | min, max, scale,
 * steps}}, into its {@link ParameterSpec}.
 */
final class SpecReader {
  static final Set<String> KEYS = Set.of("type", "values", "min", "max", "scale", "steps", "when");

  private SpecReader() {}

  static ParameterSpec read(String name, JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(
          "parameter " + name + " must be a mapping like {type: categorical, values: [...]}");
    }
    YamlFields.knownKeys(node, KEYS, key -> "parameter " + name + " has unknown key " + key);
    String type =
        YamlFields.text(
            node,
            "type",
            null,
            "parameter " + name + " needs type: categorical, discrete, integer or double");
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "categorical" -> new ParameterSpec.Categorical(name, categories(name, node));
      case "discrete" -> new ParameterSpec.Discrete(name, numbers(name, node));
      case "integer" -> integerRange(name, node);
      case "double" -> doubleRange(name, node);
      default ->
          throw new IllegalArgumentException(
              "parameter "
                  + name
                  + " has type "
                  + type
                  + "; allowed: categorical, discrete, integer, double");
    };
  }

  private static ParameterSpec integerRange(String name, JsonNode node) {
    Scale scale = scale(name, node);
    return new ParameterSpec.IntegerRange(
        name,
        (long) number(node, "min", name, true),
        (long) number(node, "max", name, true),
        scale,
        steps(name, node));
  }

  private static ParameterSpec doubleRange(String name, JsonNode node) {
    Scale scale = scale(name, node);
    return new ParameterSpec.DoubleRange(
        name,
        number(node, "min", name, false),
        number(node, "max", name, false),
        scale,
        steps(name, node));
  }

  private static List<String> categories(String name, JsonNode node) {
    List<String> values = new ArrayList<>();
    for (JsonNode v : list(name, node)) {
      if (!v.isValueNode() || v.isNull()) {
        throw new IllegalArgumentException(
            "parameter " + name + " has value " + v + "; categorical values are strings");
      }
      values.add(v.asText());
    }
    return values;
  }

  private static List<Double> numbers(String name, JsonNode node) {
    List<Double> values = new ArrayList<>();
    for (JsonNode v : list(name, node)) {
      if (!v.isNumber()) {
        throw new IllegalArgumentException(
            "parameter "
                + name
                + " has value "
                + v
                + "; discrete values must be numbers (use categorical for text)");
      }
      values.add(v.asDouble());
    }
    return values;
  }

  private static JsonNode list(String name, JsonNode node) {
    JsonNode values = node.path("values");
    if (!values.isArray()) {
      throw new IllegalArgumentException("parameter " + name + " needs values: [...]");
    }
    return values;
  }

  private static Scale scale(String name, JsonNode node) {
    String s = YamlFields.text(node, "scale", "linear").toLowerCase(Locale.ROOT);
    return switch (s) {
      case "linear" -> Scale.LINEAR;
      case "log" -> Scale.LOG;
      default ->
          throw new IllegalArgumentException(
              "parameter " + name + " has scale " + s + "; allowed: linear, log");
    };
  }

  private static Integer steps(String name, JsonNode node) {
    JsonNode s = node.get("steps");
    if (s == null) {
      return null;
    }
    if (s.isNumber() && s.isIntegralNumber() && !s.canConvertToInt()
        || s.isFloatingPointNumber() && s.asDouble() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "parameter "
              + name
              + " has steps "
              + s
              + ", more grid points than a search can hold; "
              + "steps must be a whole number from 1 to "
              + Integer.MAX_VALUE
              + " (and the whole grid at most --maxTrials)");
    }
    if (!s.canConvertToInt() || !s.isIntegralNumber()) {
      throw new IllegalArgumentException(
          "parameter " + name + " has steps " + s + "; steps must be a whole number");
    }
    return s.asInt();
  }

  private static double number(JsonNode node, String key, String name, boolean integral) {
    JsonNode v = node.get(key);
    if (v == null || !v.isNumber() || (integral && !v.isIntegralNumber())) {
      throw new IllegalArgumentException(
          "parameter "
              + name
              + " needs "
              + key
              + " as "
              + (integral ? "a whole number" : "a number")
              + ", got "
              + v);
    }
    return v.asDouble();
  }
}
