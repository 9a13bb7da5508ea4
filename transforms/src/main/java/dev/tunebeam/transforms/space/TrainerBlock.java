package dev.tunebeam.transforms.space;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.annotations.Internal;

/**
 * A search space's own trainer: {@code trainer: {command: [python3, -m, my_pkg.task], workers: 2,
 * env: {KEY: value}}}. The command is an argument list, never a shell string; its parameters pass
 * through unchecked (the program validates them). {@code workers} 0 leaves the run's default.
 */
@Internal
public record TrainerBlock(List<String> command, int workers, Map<String, String> env)
    implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Set<String> KEYS = Set.of("command", "workers", "env");

  public TrainerBlock {
    command = List.copyOf(command);
    env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
    if (command.isEmpty() || command.get(0).isBlank()) {
      throw new IllegalArgumentException(
          "trainer.command is empty; give the program and its arguments as a list, e.g. [python3, -m, my_pkg.task]");
    }
    if (workers < 0) {
      throw new IllegalArgumentException(
          "trainer.workers " + workers + " is negative; use 0 (one per core) or a positive count");
    }
  }

  static TrainerBlock of(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(
          "trainer must be a mapping like {command: [python3, -m, my_pkg.task], workers: 2}");
    }
    YamlFields.knownKeys(node, KEYS, key -> "trainer has unknown key " + key);
    JsonNode c = node.path("command");
    if (c.isTextual()) {
      throw new IllegalArgumentException(
          "trainer.command "
              + c.asText()
              + " is a string; give a list of arguments, e.g. [python3, -m, my_pkg.task] "
              + "(no shell runs it)");
    }
    if (!c.isArray()) {
      throw new IllegalArgumentException(
          "trainer.command is missing; give the program and its arguments as a list, e.g. [python3, -m, my_pkg.task]");
    }
    List<String> command = new ArrayList<>();
    for (JsonNode a : c) {
      if (!a.isValueNode() || a.isNull()) {
        throw new IllegalArgumentException(
            "trainer.command entry " + a + " is not a string; every argument must be a string");
      }
      command.add(a.asText());
    }
    JsonNode w = node.path("workers");
    if (!w.isMissingNode() && !w.canConvertToExactIntegral()) {
      throw new IllegalArgumentException(
          "trainer.workers "
              + w
              + " is not a whole number; use 0 (one per core) or a positive count");
    }
    Map<String, String> env = new LinkedHashMap<>();
    JsonNode e = node.path("env");
    if (!e.isMissingNode()) {
      if (!e.isObject()) {
        throw new IllegalArgumentException("trainer.env must be a mapping of NAME: value");
      }
      YamlFields.scalars(e, "trainer.env").forEach((name, v) -> env.put(name, v.asText()));
    }
    return new TrainerBlock(command, w.isMissingNode() ? 0 : w.asInt(), env);
  }
}
