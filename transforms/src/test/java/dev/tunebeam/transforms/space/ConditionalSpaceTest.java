package dev.tunebeam.transforms.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.transforms.study.Trial;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code when:} conditions: grid without duplicates, ids of active values only, sampling and the
 * errors.
 */
class ConditionalSpaceTest {
  private static SearchSpace load(String yaml) {
    return SpaceFiles.parse("space.yaml", yaml);
  }

  private static final String SPACE =
      """
      study: cond
      parameters:
        optimizer: {type: categorical, values: [sgd, adam]}
        momentum:  {type: discrete, values: [0.5, 0.9], when: {optimizer: [sgd]}}
        activation: {type: categorical, values: [relu, tanh]}
      fixed:
        num_epochs: 1
      """;

  @Test
  void gridHasEachActivePointOnceAndInactiveParametersAreAbsent() {
    SearchSpace s = load(SPACE);
    List<Trial> trials = s.trials(100);
    // (sgd x 2 momenta + adam) x 2 activations
    assertEquals(6, trials.size());
    assertEquals(6, s.size(), "counted without expanding");
    assertEquals(6, new HashSet<>(trials.stream().map(Trial::id).toList()).size());
    for (Trial t : trials) {
      assertEquals(
          t.get("optimizer").equals("sgd"), t.parameters().containsKey("momentum"), t.describe());
    }
    Trial adam =
        trials.stream().filter(t -> t.get("optimizer").equals("adam")).findFirst().orElseThrow();
    assertEquals(
        List.of("optimizer", "activation", "num_epochs"), List.copyOf(adam.parameters().keySet()));
  }

  @Test
  void idsAreStableAndIgnoreInactiveParameters() {
    Trial a = load(SPACE).trials(100).get(0);
    Trial b = load(SPACE).trials(100).get(0);
    assertEquals(a.id(), b.id());
    Trial unconditional =
        SearchSpace.builder("cond")
            .categorical("optimizer", "adam")
            .categorical("activation", "relu")
            .fixed("num_epochs", "1")
            .build()
            .trials(10)
            .get(0);
    Trial adamRelu =
        load(SPACE).trials(100).stream()
            .filter(t -> t.get("optimizer").equals("adam") && t.get("activation").equals("relu"))
            .findFirst()
            .orElseThrow();
    assertEquals(unconditional.id(), adamRelu.id(), "an absent parameter does not change the id");
  }

  @Test
  void randomSamplesOnlyActiveParameters() {
    SearchSpace s =
        load(SPACE.replace("study: cond", "study: cond\nalgorithm: random\nsamples: 6\nseed: 3"));
    List<Trial> trials = s.trials(100);
    assertFalse(trials.isEmpty());
    for (Trial t : trials) {
      assertEquals(
          t.get("optimizer").equals("sgd"), t.parameters().containsKey("momentum"), t.describe());
    }
  }

  @Test
  void nestedConditionsCountAndExpandAlike() {
    SearchSpace s =
        SearchSpace.builder("nest")
            .categorical("optimizer", "sgd", "adam", "rmsprop")
            .discrete("momentum", 0.5, 0.9)
            .when("momentum", "optimizer", "sgd")
            .discrete("learning_rate", 0.1, 0.01, 0.001)
            .when("learning_rate", "momentum", "0.9")
            .build();
    // sgd: m=0.5 (1) + m=0.9 x 3 lr (3) = 4; adam 1; rmsprop 1
    assertEquals(6, s.size());
    assertEquals(6, s.gridTrials().size());
  }

  @Test
  void whenNamingAnUnknownParameterIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> load(SPACE.replace("when: {optimizer: [sgd]}", "when: {optimiser: [sgd]}")));
    assertTrue(
        e.getMessage()
            .contains(
                "parameter momentum has when naming optimiser, which is not a searched parameter"),
        e.getMessage());
  }

  @Test
  void whenNamingAValueTheParentLacksIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> load(SPACE.replace("[sgd]}", "[sdg]}")));
    assertTrue(
        e.getMessage().contains("optimizer has no value sdg; allowed: sgd, adam"), e.getMessage());
  }

  @Test
  void cyclesAreRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SearchSpace.builder("cyc")
                    .categorical("optimizer", "sgd", "adam")
                    .when("optimizer", "activation", "relu")
                    .categorical("activation", "relu", "tanh")
                    .when("activation", "optimizer", "sgd")
                    .build());
    assertTrue(e.getMessage().contains("cycle of when conditions"), e.getMessage());
  }

  @Test
  void aCycleBelowAChildIsRefusedInsteadOfWalkedForever() {
    // activation hangs under a cycle it is not part of: the walk from activation must stop, and the
    // cycle is named from its own member.
    IllegalArgumentException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () ->
                assertThrows(
                    IllegalArgumentException.class,
                    () ->
                        SearchSpace.builder("cyc")
                            .categorical("activation", "relu", "tanh")
                            .when("activation", "optimizer", "sgd")
                            .categorical("optimizer", "sgd", "adam")
                            .when("optimizer", "pooling", "avg")
                            .categorical("pooling", "avg", "max")
                            .when("pooling", "optimizer", "adam")
                            .build()));
    assertEquals(
        "parameter optimizer has a cycle of when conditions: optimizer -> pooling -> optimizer; conditions must form a tree",
        e.getMessage());
  }

  @Test
  void aDoubleParentIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SearchSpace.builder("dbl")
                    .random(4, 1)
                    .doubleRange("learning_rate", 0.001, 0.1, Scale.LOG, null)
                    .discrete("momentum", 0.5)
                    .when("momentum", "learning_rate", "0.01")
                    .build());
    assertTrue(e.getMessage().contains("must be categorical, discrete or integer"), e.getMessage());
  }

  @Test
  void fixingAParentDecidesItsChildren() {
    SearchSpace s = load(SPACE);
    assertEquals(Set.of("momentum", "activation"), names(s.withFixed("optimizer", "sgd")));
    assertEquals(Set.of("activation"), names(s.withFixed("optimizer", "adam")));
  }

  private static Set<String> names(SearchSpace s) {
    Set<String> n = new HashSet<>();
    s.parameters().forEach(p -> n.add(p.name()));
    return n;
  }
}
