package dev.tunebeam.transforms.space;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;

/**
 * Reads a search space from YAML or JSON (JSON is YAML). Keys mirror Vertex AI's parameter specs:
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
 * stopping: {rule: median, grace_epochs: 1, at: [1, 3, 6]}   # early stopping (StoppingRule)
 * </pre>
 *
 * Every error names the file and, where there is one, the parameter. The mapping is read by {@link
 * SpaceReader}; YAML's own rules (aliases, one document) are {@link YamlTree}'s.
 */
public final class SearchSpaceLoader {
  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private SearchSpaceLoader() {}

  /** {@code source} names the file in messages. */
  public static SearchSpace parse(String source, byte[] content) {
    return parse(source, content, false);
  }

  /**
   * With {@code commandTrainer} (a trainer command given elsewhere) every parameter passes through
   * unchecked, as with a trainer block.
   */
  public static SearchSpace parse(String source, byte[] content, boolean commandTrainer) {
    JsonNode root = tree(source, content);
    try {
      return SpaceReader.read(root, commandTrainer);
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

  /**
   * The file's {@code stopping:} rule, if it has one (its form checked; {@code
   * search.stopping.StoppingPlan} checks it against the space).
   */
  public static java.util.Optional<StoppingRule> stopping(String source, byte[] content) {
    JsonNode root = tree(source, content);
    if (root == null || !root.isObject()) {
      return java.util.Optional.empty();
    }
    try {
      return StoppingReader.read(root);
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
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new IllegalArgumentException(
          source + ": not valid YAML" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": cannot be read: " + e.getMessage());
    }
    return root;
  }
}
