package dev.tunebeam.transforms.space;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunebeam.trainer.cli.EnumChoice;
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
  static final Set<String> TOP_KEYS =
      Set.of(
          "study",
          "algorithm",
          "samples",
          "seed",
          "parameters",
          "fixed",
          "passthrough",
          "trainer",
          "repeats",
          "objective",
          "objectives",
          "eta",
          "min_epochs",
          "trials",
          "batch");

  private SpaceReader() {}

  static SearchSpace read(JsonNode root, boolean commandTrainer) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(
          "a search space is a mapping with study, algorithm and parameters");
    }
    YamlFields.knownKeys(root, TOP_KEYS, key -> "unknown top-level key " + key);
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
   * Only the keys an algorithm uses are read, so a grid file is not refused for an adaptive key it
   * ignores.
   */
  private static void algorithm(JsonNode root, SearchSpaceBuilder b) {
    String key = YamlFields.text(root, "algorithm", "grid").toLowerCase(java.util.Locale.ROOT);
    Algorithm algorithm = EnumChoice.parse(Algorithm.class, "algorithm", key, "is not supported");
    switch (algorithm) {
      case GRID -> b.grid();
      case RANDOM ->
          b.random(YamlFields.integer(root, "samples", 0), YamlFields.longInteger(root, "seed"));
      default ->
          b.algorithm(
              algorithm,
              YamlFields.integer(root, "samples", 0),
              YamlFields.longInteger(root, "seed"),
              new AlgorithmSettings(
                  YamlFields.integer(root, "eta", 3),
                  YamlFields.integer(root, "min_epochs", 1),
                  YamlFields.integer(root, "trials", 0),
                  YamlFields.integer(root, "batch", 0)));
    }
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
