package dev.tunebeam.transforms.space;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Objectives;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A search space's {@code objective: {metric: val_accuracy, goal: maximize, measurement: best}}, or
 * several as {@code objectives:}, a list of such mappings. Missing keys take the default's; a later
 * objective's missing measurement takes the first one's (every objective is read at the one epoch
 * the first objective's measurement chooses).
 */
final class StudyObjectiveKey {
  private static final Set<String> KEYS = Set.of("metric", "goal", "measurement");
  private static final String EXAMPLE =
      "[{metric: val_accuracy, goal: maximize}, {metric: train_seconds, goal: minimize}]";

  private StudyObjectiveKey() {}

  static Objective parse(JsonNode node) {
    return parse("objective", node, Objective.DEFAULT);
  }

  /** {@code objectives:}: one or more objectives, each metric once. */
  static Objectives parseList(JsonNode node) {
    if (!node.isArray() || node.isEmpty()) {
      throw new IllegalArgumentException("objectives must be a non-empty list like " + EXAMPLE);
    }
    List<Objective> all = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      Objective d =
          all.isEmpty()
              ? Objective.DEFAULT
              : new Objective(
                  Objective.DEFAULT.metric(), Objective.DEFAULT.goal(), all.get(0).measurement());
      Objective o = parse("objectives[" + (i + 1) + "]", node.get(i), d);
      if (!node.get(i).has("metric")) {
        throw new IllegalArgumentException(
            "objectives["
                + (i + 1)
                + "] has no metric; each objective names one, as in "
                + EXAMPLE);
      }
      all.add(o);
    }
    return new Objectives(all);
  }

  private static Objective parse(String field, JsonNode node, Objective d) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(
          field
              + " must be a mapping like {metric: val_accuracy, goal: maximize, measurement: best}");
    }
    YamlFields.knownKeys(node, KEYS, key -> field + " has unknown key " + key);
    return new Objective(
        node.has("metric")
            ? Objective.checkMetric(field + " metric", node.get("metric").asText())
            : d.metric(),
        node.has("goal")
            ? Objective.parseGoal(field + " goal", node.get("goal").asText())
            : d.goal(),
        node.has("measurement")
            ? Objective.parseMeasurement(field + " measurement", node.get("measurement").asText())
            : d.measurement());
  }
}
