package dev.tunebeam.transforms.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Sizes come from the specs, before anything is expanded; YAML aliases mean what YAML says. */
class SpaceSizeTest {
  private static SearchSpace parse(String yaml) {
    return SpaceFiles.parse("s.yaml", yaml);
  }

  @Test
  void gridSizeIsTheProductOfPointCountsWithoutListingThem() {
    SearchSpace s =
        parse(
            """
        study: s
        parameters:
          learning_rate: {type: double, min: 0.001, max: 0.1, steps: 2000000000}
          num_epochs: {type: integer, min: 1, max: 5, steps: 2000000000}
          optimizer: {type: categorical, values: [sgd, adam]}
        """);
    assertEquals(2_000_000_000L * 5 * 2, s.size(), "an integer range holds at most its integers");
    String e =
        assertThrows(IllegalArgumentException.class, () -> s.trials(Integer.MAX_VALUE))
            .getMessage();
    assertTrue(e.contains("has 20000000000 trials, more than maxTrials 2147483647"), e);
  }

  @Test
  void aScheduleThatFitsMaxTrialsButNotTheHeapIsRefusedWithItsSize() {
    long heapPoints = Runtime.getRuntime().maxMemory() / 2 / SpaceSize.BYTES_PER_TRIAL;
    int steps = (int) Math.min(Integer.MAX_VALUE, heapPoints + 1);
    SearchSpace s =
        SearchSpace.builder("s")
            .random(steps, 1)
            .doubleRange("learning_rate", 0.001, 0.1, Scale.LOG, null)
            .build();
    String e =
        assertThrows(IllegalArgumentException.class, () -> s.trials(Integer.MAX_VALUE))
            .getMessage();
    assertTrue(e.contains("has " + steps + " trials; planning them needs about"), e);
  }

  @Test
  void productsBeyondALongSaturate() {
    SearchSpaceBuilder b = SearchSpace.builder("s");
    b.doubleRange("learning_rate", 0.1, 1, Scale.LINEAR, Integer.MAX_VALUE)
        .doubleRange("weight_decay", 0.1, 1, Scale.LINEAR, Integer.MAX_VALUE);
    b.passThrough("weight_decay")
        .passThrough("dropout")
        .doubleRange("dropout", 0.1, 1, Scale.LINEAR, Integer.MAX_VALUE);
    assertEquals(Long.MAX_VALUE, b.build().size());
  }

  @Test
  void anAliasIsTheNodeItsAnchorMarked() {
    SearchSpace s =
        parse(
            """
        study: s
        parameters:
          activation: &acts {type: categorical, values: [&r relu, tanh]}
          pooling: {type: categorical, values: [max, avg]}
        fixed:
          seed: 7
        """);
    assertEquals(4, s.size());
    String e =
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    parse(
                        """
        study: s
        parameters:
          activation: {type: categorical, values: [&tanh relu, *tanh]}
        """))
            .getMessage();
    assertTrue(
        e.contains("lists a value twice: [relu, relu]"),
        "the alias is relu, not the text 'tanh': " + e);
    SearchSpace shared =
        parse(
            """
        study: s
        parameters:
          activation: {type: categorical, values: &v [relu, tanh]}
          pooling: {type: categorical, values: [max]}
        fixed: {seed: 3}
        passthrough: []
        """);
    assertEquals(2, shared.size());
  }

  @Test
  void aSecondDocumentIsRefused() {
    String e =
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    parse(
                        "study: s\nparameters:\n  pooling: {type: categorical, values: [max]}\n---\nstudy: t\n"))
            .getMessage();
    assertTrue(
        e.startsWith(
            "s.yaml: holds more than one YAML document (the second starts at line 5, after a '---')"),
        e);
  }
}
