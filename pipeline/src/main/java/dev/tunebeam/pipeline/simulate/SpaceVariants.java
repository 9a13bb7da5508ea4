package dev.tunebeam.pipeline.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tunebeam.pipeline.study.SpaceChoice;
import dev.tunebeam.transforms.search.SearchAlgorithm;
import dev.tunebeam.transforms.search.SearchAlgorithms;
import dev.tunebeam.transforms.space.AlgorithmSettings;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.SearchSpaceLoader;
import dev.tunebeam.transforms.space.SettingKeys;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The space {@code --searchSpace} names (the reference study by default) and the variants of it
 * that {@code --algorithms} asks for: the space's own algorithm first, then each other one with its
 * settings read from the same file's keys, so that a comparison shares {@code eta}, {@code trials}
 * and the rest. An algorithm whose required keys the file lacks gets the space's size for {@code
 * samples} and {@code trials} (every point, in the algorithm's order) and 1 for {@code batch}.
 */
record SpaceVariants(SearchSpace space, List<SearchSpace> variants) {
  private static final ObjectMapper YAML = new YAMLMapper();

  static SpaceVariants of(String searchSpace, String algorithms) {
    SearchSpace space;
    Map<String, Object> keys = new LinkedHashMap<>();
    if (searchSpace == null || searchSpace.isBlank()) {
      space = SearchSpace.referenceStudy();
    } else {
      byte[] content = SpaceChoice.read("--searchSpace", searchSpace);
      // Nothing trains, so the parameters are not checked against the built-in trainer: a
      // recording may come from any trainer.
      space = SearchSpaceLoader.parse(searchSpace, content, true);
      keys.putAll(topLevel(content));
    }
    List<SearchSpace> variants = new ArrayList<>();
    for (String key : keys(space, algorithms)) {
      variants.add(
          key.equals(space.algorithm().key())
              ? space
              : space.withAlgorithm(settings(SearchAlgorithms.of(key), keys, space)));
    }
    return new SpaceVariants(space, variants);
  }

  private static Set<String> keys(SearchSpace space, String algorithms) {
    Set<String> keys = new LinkedHashSet<>();
    keys.add(space.algorithm().key());
    if (algorithms == null || algorithms.isBlank()) {
      return keys;
    }
    for (String k : algorithms.split(",")) {
      String key = k.trim().toLowerCase(Locale.ROOT);
      if (key.equals("all")) {
        SearchAlgorithms.all().forEach(a -> keys.add(a.key()));
      } else {
        try {
          keys.add(SearchAlgorithms.of(key).key());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "--algorithms " + algorithms + ": " + e.getMessage() + " (or all)", e);
        }
      }
    }
    return keys;
  }

  /** The file's keys as the algorithm reads them; its required counts filled in if missing. */
  private static AlgorithmSettings settings(
      SearchAlgorithm<?> algorithm, Map<String, Object> keys, SearchSpace space) {
    try {
      return algorithm.read(SettingKeys.of(keys));
    } catch (IllegalArgumentException e) {
      long size = space.conditional().finiteSizeOr(0);
      Map<String, Object> filled = new LinkedHashMap<>(keys);
      filled.putIfAbsent("samples", size);
      filled.putIfAbsent("trials", size);
      filled.putIfAbsent("batch", 1);
      try {
        return algorithm.read(SettingKeys.of(filled));
      } catch (IllegalArgumentException again) {
        throw new IllegalArgumentException(
            "--algorithms: algorithm "
                + algorithm.key()
                + " cannot replay this space: "
                + again.getMessage()
                + "; set its keys in the space file",
            again);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> topLevel(byte[] content) {
    try {
      JsonNode root = YAML.readTree(content);
      return root != null && root.isObject() ? YAML.convertValue(root, Map.class) : Map.of();
    } catch (IOException e) {
      // The loader already read the same bytes; it would have refused a file that is not YAML.
      return Map.of();
    }
  }
}
