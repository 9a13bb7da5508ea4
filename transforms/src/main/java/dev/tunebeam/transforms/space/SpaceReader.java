package dev.tunebeam.transforms.space;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Reads a search-space file's top-level mapping into a {@link SearchSpaceBuilder}: the study, the
 * algorithm and its settings, the parameters (each by {@link SpecReader}, its {@code when:} by
 * {@link ConditionReader}), passthrough, fixed values, repeats and the objective. What the values
 * mean is checked once, by the space itself; this reads their form.
 */
final class SpaceReader {
  /** The space's own keys; each algorithm adds its own ({@link AlgorithmCatalog#settingKeys}). */
  static final Set<String> SPACE_KEYS =
      Set.of(
          "study",
          "algorithm",
          "seed",
          "parameters",
          "fixed",
          "passthrough",
          "trainer",
          "repeats",
          "objective",
          "objectives",
          StoppingReader.KEY,
          WarmStartReader.KEY);

  private SpaceReader() {}

  static SearchSpace read(JsonNode root, boolean commandTrainer) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(
          "a search space is a mapping with study, algorithm and parameters");
    }
    Set<String> allowed = new HashSet<>(SPACE_KEYS);
    allowed.addAll(AlgorithmCatalog.get().settingKeys());
    YamlFields.knownKeys(root, allowed, key -> "unknown top-level key " + key);
    SearchSpaceBuilder b = SearchSpace.builder(YamlFields.text(root, "study", null));
    algorithm(root, b);
    JsonNode params = root.path("parameters");
    if (!params.isObject() || params.isEmpty()) {
      throw new IllegalArgumentException(
          "parameters is missing or empty; declare at least one parameter");
    }
    boolean trainerBlock = !root.path("trainer").isMissingNode();
    if (trainerBlock) {
      TrainerBlock.of(root.path("trainer"));
    }
    if (commandTrainer || trainerBlock) {
      b.uncheckedParameters();
    }
    passThrough(root.path("passthrough"), b);
    for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      b.parameter(SpecReader.read(e.getKey(), e.getValue()));
      ConditionReader.read(e.getKey(), e.getValue().get("when"))
          .ifPresent(c -> b.when(e.getKey(), c.parent(), c.values().toArray(String[]::new)));
    }
    fixed(root.path("fixed"), b);
    StoppingReader.read(root); // the schedule reads it; a bad block is refused with the file
    if (root.has("repeats")) {
      b.repeats(YamlFields.integer(root, "repeats", 1));
    }
    if (root.has("objective") && root.has("objectives")) {
      throw new IllegalArgumentException(
          "objective and objectives are both given; use objective for one, objectives for several");
    }
    if (root.has("objective")) {
      b.objective(StudyObjectiveKey.parse(root.get("objective")));
    }
    if (root.has("objectives")) {
      b.objectives(StudyObjectiveKey.parseList(root.get("objectives")));
    }
    return b.build();
  }

  /**
   * The algorithm reads only its own keys, so a grid file is not refused for an adaptive key it
   * ignores.
   */
  private static void algorithm(JsonNode root, SearchSpaceBuilder b) {
    String key = YamlFields.text(root, "algorithm", AlgorithmCatalog.DEFAULT_KEY);
    b.algorithm(AlgorithmCatalog.get().read(key, new SettingKeys(root)))
        .seed(YamlFields.longInteger(root, "seed"));
  }

  private static void passThrough(JsonNode pass, SearchSpaceBuilder b) {
    if (pass.isMissingNode()) {
      return;
    }
    if (!pass.isArray()) {
      throw new IllegalArgumentException("passthrough must be a list of parameter names");
    }
    pass.forEach(n -> b.passThrough(n.asText()));
  }

  private static void fixed(JsonNode fixed, SearchSpaceBuilder b) {
    if (fixed.isMissingNode()) {
      return;
    }
    if (!fixed.isObject()) {
      throw new IllegalArgumentException("fixed must be a mapping of parameter: value");
    }
    YamlFields.scalars(fixed, "fixed parameter")
        .forEach(
            (name, v) ->
                b.fixed(name, v.isNumber() ? ParameterValues.canonical(v.asDouble()) : v.asText()));
  }
}
