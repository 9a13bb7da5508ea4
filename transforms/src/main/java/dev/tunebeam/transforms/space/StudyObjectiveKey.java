package dev.tunebeam.transforms.space;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunebeam.transforms.results.Objective;
import java.util.Set;

/**
 * A search space's {@code objective: {metric: val_accuracy, goal: maximize, measurement: best}};
 * missing keys take the default's.
 */
final class StudyObjectiveKey {
  private static final Set<String> KEYS = Set.of("metric", "goal", "measurement");

  private StudyObjectiveKey() {}

  static Objective parse(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(
          "objective must be a mapping like {metric: val_accuracy, goal: maximize, measurement: best}");
    }
    YamlFields.knownKeys(node, KEYS, key -> "objective has unknown key " + key);
    Objective d = Objective.DEFAULT;
    return new Objective(
        node.has("metric")
            ? Objective.checkMetric("objective metric", node.get("metric").asText())
            : d.metric(),
        node.has("goal")
            ? Objective.parseGoal("objective goal", node.get("goal").asText())
            : d.goal(),
        node.has("measurement")
            ? Objective.parseMeasurement("objective measurement", node.get("measurement").asText())
            : d.measurement());
  }
}
