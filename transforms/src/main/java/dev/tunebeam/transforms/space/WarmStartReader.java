package dev.tunebeam.transforms.space;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.annotations.Internal;

/**
 * Reads a search-space file's {@code warm_start:} block ({@link WarmStartBlock}). Kept apart from
 * {@link SpaceReader}, which only lets the key through: the block names files and points, not the
 * space's shape, and what it means is checked once the space and the earlier studies are known.
 */
@Internal
public final class WarmStartReader {
  public static final String KEY = "warm_start";
  private static final Set<String> KEYS = Set.of("from", "points", "reuse");
  private static final ObjectMapper YAML = new YAMLMapper();

  private WarmStartReader() {}

  /**
   * The block of a search-space file ({@code source} names it in messages); {@link
   * WarmStartBlock#NONE} when it has none.
   */
  public static WarmStartBlock read(String source, byte[] content) {
    JsonNode root;
    try {
      root = YamlTree.read(content, YAML);
    } catch (JsonProcessingException e) {
      // The space's own reader has refused the file already, naming the line.
      throw new IllegalArgumentException(source + ": not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": cannot be read: " + e.getMessage());
    }
    if (root == null || !root.isObject() || !root.has(KEY)) {
      return WarmStartBlock.NONE;
    }
    try {
      return read(root.get(KEY));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  static WarmStartBlock read(JsonNode block) {
    if (!block.isObject()) {
      throw new IllegalArgumentException(
          "warm_start must be a mapping like {from: [out/earlier/results.json], points:"
              + " [{activation: relu}], reuse: true}");
    }
    YamlFields.knownKeys(block, KEYS, key -> "warm_start has unknown key " + key);
    return new WarmStartBlock(from(block.path("from")), points(block.path("points")), reuse(block));
  }

  private static List<String> from(JsonNode from) {
    List<String> out = new ArrayList<>();
    if (from.isMissingNode()) {
      return out;
    }
    if (from.isTextual()) {
      out.add(from.asText());
      return out;
    }
    if (!from.isArray()) {
      throw new IllegalArgumentException(
          "warm_start.from must be a list of results.json files of earlier studies, got " + from);
    }
    for (JsonNode f : from) {
      if (!f.isTextual()) {
        throw new IllegalArgumentException(
            "warm_start.from entry " + f + " is not a file name; list results.json paths");
      }
      out.add(f.asText());
    }
    return out;
  }

  private static List<Map<String, String>> points(JsonNode points) {
    List<Map<String, String>> out = new ArrayList<>();
    if (points.isMissingNode()) {
      return out;
    }
    if (!points.isArray()) {
      throw new IllegalArgumentException(
          "warm_start.points must be a list of points like [{activation: relu, batch_size: 64}]");
    }
    for (JsonNode p : points) {
      String field = "warm_start.points[" + (out.size() + 1) + "]";
      if (!p.isObject() || p.isEmpty()) {
        throw new IllegalArgumentException(
            field + " must be a mapping of parameter: value, got " + p);
      }
      Map<String, String> point = new LinkedHashMap<>();
      YamlFields.scalars(p, field + " parameter")
          .forEach(
              (name, v) ->
                  point.put(
                      name, v.isNumber() ? ParameterValues.canonical(v.asDouble()) : v.asText()));
      out.add(point);
    }
    return out;
  }

  private static boolean reuse(JsonNode block) {
    JsonNode r = block.get("reuse");
    if (r == null || r.isNull()) {
      return false;
    }
    if (!r.isBoolean()) {
      throw new IllegalArgumentException("warm_start.reuse " + r + " must be true or false");
    }
    return r.asBoolean();
  }
}
