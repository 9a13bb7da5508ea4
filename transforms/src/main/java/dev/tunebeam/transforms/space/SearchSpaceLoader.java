package dev.tunebeam.transforms.space;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a search space from YAML or JSON (JSON is YAML). Keys mirror Vertex AI's parameter
 * specs:
 *
 * <pre>
 * study: lenet5-fashion
 * algorithm: grid            # or: random (then samples: N, seed: S)
 * parameters:
 *   activation:    {type: categorical, values: [relu, softmax, leakyrelu]}
 *   batch_size:    {type: discrete, values: [32, 64, 128]}
 *   learning_rate: {type: double, min: 0.0001, max: 0.01, scale: log, steps: 3}
 * fixed:
 *   num_epochs: 10
 * passthrough: [my_flag]      # parameters handed to your own container as --my_flag
 * trainer:                    # your own program instead of the built-in trainer; parameters pass unchecked
 *   command: [python3, -m, my_pkg.task]
 *   workers: 2
 *   env: {PYTHONPATH: src}
 * repeats: 3                  # each point with seeds seed, seed+1, seed+2 (default 1)
 * objective: {metric: val_accuracy, goal: maximize, measurement: best}   # the default
 * </pre>
 *
 * Every error names the file and, where there is one, the parameter.
 */
public final class SearchSpaceLoader {
  private static final Set<String> TOP_KEYS = Set.of("study", "algorithm", "samples", "seed", "parameters", "fixed", "passthrough", "trainer", "repeats", "objective",
      "eta", "min_epochs", "trials", "batch");
  private static final Set<String> SPEC_KEYS = Set.of("type", "values", "min", "max", "scale", "steps", "when");
  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private SearchSpaceLoader() {}

  /** {@code source} names the file in messages. */
  public static SearchSpace parse(String source, byte[] content) {
    return parse(source, content, false);
  }

  /** With {@code commandTrainer} (a trainer command given elsewhere) every parameter passes through unchecked, as with a trainer block. */
  public static SearchSpace parse(String source, byte[] content, boolean commandTrainer) {
    JsonNode root = tree(source, content);
    try {
      return build(root, commandTrainer);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  /** The file's {@code trainer:} block, if it has one. */
  public static java.util.Optional<TrainerBlock> trainer(String source, byte[] content) {
    JsonNode root = tree(source, content);
    if (root == null || !root.isObject() || root.path("trainer").isMissingNode()) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(TrainerBlock.of(root.path("trainer")));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode tree(String source, byte[] content) {
    JsonNode root;
    try {
      root = YamlTree.read(content, YAML);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new IllegalArgumentException(source + ": not valid YAML" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": cannot be read: " + e.getMessage());
    }
    return root;
  }

  private static SearchSpace build(JsonNode root, boolean commandTrainer) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("a search space is a mapping with study, algorithm and parameters");
    }
    unknownKeys(root, TOP_KEYS, "top-level key");
    SearchSpace.Builder b = SearchSpace.builder(text(root, "study", null));
    String algorithm = text(root, "algorithm", "grid").toLowerCase(Locale.ROOT);
    switch (algorithm) {
      case "grid" -> b.grid();
      case "random" -> b.random(integer(root, "samples", "samples", 0), seed(root));
      case "halving", "hyperband", "tpe" -> b.algorithm(Algorithm.valueOf(algorithm.toUpperCase(Locale.ROOT)), integer(root, "samples", "samples", 0),
          seed(root), new AlgorithmSettings(integer(root, "eta", "eta", 3), integer(root, "min_epochs", "min_epochs", 1),
              integer(root, "trials", "trials", 0), integer(root, "batch", "batch", 0)));
      default -> throw new IllegalArgumentException("algorithm " + algorithm + " is not supported; allowed: grid, random, halving, hyperband, tpe");
    }
    JsonNode params = root.path("parameters");
    if (!params.isObject() || params.isEmpty()) {
      throw new IllegalArgumentException("parameters is missing or empty; declare at least one parameter");
    }
    if (!root.path("trainer").isMissingNode()) {
      TrainerBlock.of(root.path("trainer"));
    }
    if (commandTrainer || !root.path("trainer").isMissingNode()) {
      b.uncheckedParameters();
    }
    JsonNode pass = root.path("passthrough");
    if (!pass.isMissingNode()) {
      if (!pass.isArray()) {
        throw new IllegalArgumentException("passthrough must be a list of parameter names");
      }
      pass.forEach(n -> b.passThrough(n.asText()));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      b.parameter(spec(e.getKey(), e.getValue()));
      ConditionReader.read(e.getKey(), e.getValue().get("when")).ifPresent(c -> b.when(e.getKey(), c.parent(), c.values().toArray(String[]::new)));
    }
    JsonNode fixed = root.path("fixed");
    if (!fixed.isMissingNode()) {
      if (!fixed.isObject()) {
        throw new IllegalArgumentException("fixed must be a mapping of parameter: value");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = fixed.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        if (!v.isValueNode() || v.isNull()) {
          throw new IllegalArgumentException("fixed parameter " + e.getKey() + " must be a single value, got " + v);
        }
        b.fixed(e.getKey(), v.isNumber() ? ParameterValues.canonical(v.asDouble()) : v.asText());
      }
    }
    if (root.has("repeats")) {
      b.repeats(integer(root, "repeats", "repeats", 1));
    }
    if (root.has("objective")) {
      b.objective(StudyObjectiveKey.parse(root.get("objective")));
    }
    return b.build();
  }

  private static ParameterSpec spec(String name, JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("parameter " + name + " must be a mapping like {type: categorical, values: [...]}");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!SPEC_KEYS.contains(key)) {
        throw new IllegalArgumentException("parameter " + name + " has unknown key " + key + "; allowed: " + String.join(", ", new java.util.TreeSet<>(SPEC_KEYS)));
      }
    }
    String type = text(node, "type", null, "parameter " + name + " needs type: categorical, discrete, integer or double");
    switch (type.toLowerCase(Locale.ROOT)) {
      case "categorical": {
        List<String> values = new ArrayList<>();
        for (JsonNode v : list(name, node)) {
          if (!v.isValueNode() || v.isNull()) {
            throw new IllegalArgumentException("parameter " + name + " has value " + v + "; categorical values are strings");
          }
          values.add(v.asText());
        }
        return new ParameterSpec.Categorical(name, values);
      }
      case "discrete": {
        List<Double> values = new ArrayList<>();
        for (JsonNode v : list(name, node)) {
          if (!v.isNumber()) {
            throw new IllegalArgumentException("parameter " + name + " has value " + v + "; discrete values must be numbers (use categorical for text)");
          }
          values.add(v.asDouble());
        }
        return new ParameterSpec.Discrete(name, values);
      }
      case "integer": {
        Scale scale = scale(name, node);
        return new ParameterSpec.IntegerRange(name, (long) number(node, "min", name, true), (long) number(node, "max", name, true), scale, steps(name, node));
      }
      case "double": {
        Scale scale = scale(name, node);
        return new ParameterSpec.DoubleRange(name, number(node, "min", name, false), number(node, "max", name, false), scale, steps(name, node));
      }
      default:
        throw new IllegalArgumentException("parameter " + name + " has type " + type + "; allowed: categorical, discrete, integer, double");
    }
  }

  private static JsonNode list(String name, JsonNode node) {
    JsonNode values = node.path("values");
    if (!values.isArray()) {
      throw new IllegalArgumentException("parameter " + name + " needs values: [...]");
    }
    return values;
  }

  private static Scale scale(String name, JsonNode node) {
    String s = text(node, "scale", "linear").toLowerCase(Locale.ROOT);
    return switch (s) {
      case "linear" -> Scale.LINEAR;
      case "log" -> Scale.LOG;
      default -> throw new IllegalArgumentException("parameter " + name + " has scale " + s + "; allowed: linear, log");
    };
  }

  private static Integer steps(String name, JsonNode node) {
    JsonNode s = node.get("steps");
    if (s == null) {
      return null;
    }
    if (s.isNumber() && s.isIntegralNumber() && !s.canConvertToInt() || s.isFloatingPointNumber() && s.asDouble() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("parameter " + name + " has steps " + s + ", more grid points than a search can hold; "
          + "steps must be a whole number from 1 to " + Integer.MAX_VALUE + " (and the whole grid at most --maxTrials)");
    }
    if (!s.canConvertToInt() || !s.isIntegralNumber()) {
      throw new IllegalArgumentException("parameter " + name + " has steps " + s + "; steps must be a whole number");
    }
    return s.asInt();
  }

  private static double number(JsonNode node, String key, String name, boolean integral) {
    JsonNode v = node.get(key);
    if (v == null || !v.isNumber() || (integral && !v.isIntegralNumber())) {
      throw new IllegalArgumentException("parameter " + name + " needs " + key + " as " + (integral ? "a whole number" : "a number") + ", got " + v);
    }
    return v.asDouble();
  }

  private static int integer(JsonNode node, String key, String what, int fallback) {
    JsonNode v = node.get(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new IllegalArgumentException(what + " " + v + " must be a whole number");
    }
    return v.asInt();
  }

  private static long seed(JsonNode root) {
    JsonNode v = root.get("seed");
    if (v == null) {
      return 0;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new IllegalArgumentException("seed " + v + " must be a whole number");
    }
    return v.asLong();
  }

  private static String text(JsonNode node, String key, String fallback) {
    return text(node, key, fallback, key + " is missing");
  }

  private static String text(JsonNode node, String key, String fallback, String missing) {
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

  private static void unknownKeys(JsonNode node, Set<String> allowed, String what) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException("unknown " + what + " " + key + "; allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)));
      }
    }
  }

}
