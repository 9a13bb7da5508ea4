package dev.tunebeam.transforms.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.apache.beam.sdk.annotations.Internal;

/**
 * The top-level keys of a search-space file, as an algorithm reads its own settings from them
 * ({@code eta}, {@code trials}, ...): typed reads whose refusals name the key, the value and what
 * it must be. Built in Java from a map, the same reads apply.
 */
@Internal
public final class SettingKeys {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode root;

  SettingKeys(JsonNode root) {
    this.root = root;
  }

  /** Keys given in Java, as a file would give them ({@code Map.of("eta", 3)}). */
  public static SettingKeys of(Map<String, ?> values) {
    return new SettingKeys(JSON.valueToTree(values));
  }

  public static SettingKeys none() {
    return of(Map.of());
  }

  /** A whole number that fits an int, or {@code fallback} when the key is absent. */
  public int integer(String key, int fallback) {
    return YamlFields.integer(root, key, fallback);
  }

  /** A whole number that fits a long, or {@code fallback} when the key is absent. */
  public long longInteger(String key, long fallback) {
    return root.has(key) ? YamlFields.longInteger(root, key) : fallback;
  }
}
