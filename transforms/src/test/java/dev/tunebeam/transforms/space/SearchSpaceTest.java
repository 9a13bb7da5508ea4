package dev.tunebeam.transforms.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.transforms.study.Trial;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {
  @Test
  void referenceStudyIsTwentySevenTrialsInGridOrder() {
    List<Trial> trials = SearchSpace.referenceStudy().trials(1000);
    assertEquals(27, trials.size());
    assertEquals(
        Map.of(
            "activation",
            "relu",
            "optimizer",
            "sgd",
            "batch_size",
            "32",
            "num_epochs",
            "10",
            "pooling",
            "avg",
            "init",
            "torch",
            "normalize",
            "none",
            "validation_samples",
            "5000"),
        trials.get(0).parameters());
    assertEquals(
        List.of(
            "activation",
            "optimizer",
            "batch_size",
            "num_epochs",
            "pooling",
            "init",
            "normalize",
            "validation_samples"),
        List.copyOf(trials.get(0).parameters().keySet()));
    assertEquals("64", trials.get(1).get("batch_size"));
    assertEquals("leakyrelu", trials.get(26).get("activation"));
    Set<String> ids = new HashSet<>();
    trials.forEach(t -> ids.add(t.id()));
    assertEquals(27, ids.size(), "ids are distinct");
    assertTrue(trials.get(0).id().matches("[0-9a-f]{12}"));
  }

  @Test
  void idsAreStableAndDependOnStudyAndEveryParameterButNotTheirOrder() {
    Trial a = Trial.of("s", Map.of("activation", "relu", "batch_size", "64"));
    Trial b =
        Trial.of(
            "s", new java.util.LinkedHashMap<>(Map.of("batch_size", "64", "activation", "relu")));
    assertEquals(a.id(), b.id());
    assertEquals(
        a.id(),
        SearchSpace.referenceStudy().trials(100).get(0).id().equals(a.id())
            ? a.id()
            : Trial.of("s", Map.of("batch_size", "64", "activation", "relu")).id());
    assertNotEquals(a.id(), Trial.of("t", a.parameters()).id());
    assertNotEquals(a.id(), Trial.of("s", Map.of("activation", "relu", "batch_size", "32")).id());
  }

  @Test
  void rangesNeedStepsInAGridAndSpreadOnTheirScale() {
    SearchSpace s =
        SearchSpace.builder("lr")
            .doubleRange("learning_rate", 0.0001, 0.01, Scale.LOG, 3)
            .integerRange("batch_size", 16, 64, Scale.LINEAR, 4)
            .build();
    List<Trial> trials = s.trials(100);
    assertEquals(12, trials.size());
    assertEquals(
        List.of("0.0001", "0.001", "0.01"),
        trials.stream().map(t -> t.get("learning_rate")).distinct().toList());
    assertEquals(
        List.of("16", "32", "48", "64"),
        trials.stream()
            .map(t -> t.get("batch_size"))
            .distinct()
            .sorted((x, y) -> Integer.parseInt(x) - Integer.parseInt(y))
            .toList());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SearchSpace.builder("x")
                    .doubleRange("learning_rate", 0.001, 0.1, Scale.LOG, null)
                    .build());
    assertTrue(
        e.getMessage().contains("learning_rate is a range in a grid search without steps"),
        e.getMessage());
  }

  @Test
  void randomSearchIsReproducibleAndStaysInRange() {
    SearchSpace s =
        SearchSpace.builder("r")
            .random(10, 7)
            .doubleRange("learning_rate", 0.0001, 0.1, Scale.LOG, null)
            .categorical("optimizer", "sgd", "adam")
            .integerRange("batch_size", 16, 256, Scale.LOG, null)
            .build();
    List<Trial> first = s.trials(100);
    assertEquals(10, first.size());
    assertEquals(first, s.trials(100));
    for (Trial t : first) {
      double lr = Double.parseDouble(t.get("learning_rate"));
      int bs = Integer.parseInt(t.get("batch_size"));
      assertTrue(lr >= 0.0001 && lr <= 0.1, t.describe());
      assertTrue(bs >= 16 && bs <= 256, t.describe());
    }
    SearchSpace other =
        SearchSpace.builder("r")
            .random(10, 8)
            .doubleRange("learning_rate", 0.0001, 0.1, Scale.LOG, null)
            .categorical("optimizer", "sgd", "adam")
            .integerRange("batch_size", 16, 256, Scale.LOG, null)
            .build();
    assertNotEquals(first, other.trials(100));
  }

  @Test
  void randomOverASmallSpaceYieldsEveryPointOnce() {
    SearchSpace s =
        SearchSpace.builder("small").random(50, 1).categorical("optimizer", "sgd", "adam").build();
    assertEquals(2, s.trials(100).size());
  }

  @Test
  void tooManyTrialsIsRefusedBeforeExpanding() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SearchSpace.referenceStudy().trials(20));
    assertEquals(
        "search space lenet5-fashion has 27 trials, more than maxTrials 20; raise --maxTrials or narrow the space",
        e.getMessage());
  }

  @Test
  void valuesTheTrainerWouldRefuseAreRefusedUpFront() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SearchSpace.builder("s")
                    .categorical("activation", "relu", "swish")
                    .build()
                    .trials(10));
    assertTrue(
        e.getMessage()
            .contains(
                "--activation swish is not supported; allowed: relu, leakyrelu, softmax, tanh, sigmoid"),
        e.getMessage());
    IllegalArgumentException lr =
        assertThrows(
            IllegalArgumentException.class,
            () -> SearchSpace.builder("s").discrete("learning_rate", 0.1, -0.1).build().trials(10));
    assertTrue(lr.getMessage().contains("--learning-rate -0.1 is not allowed"), lr.getMessage());
  }

  @Test
  void withFixedReplacesASearchedParameter() {
    SearchSpace s =
        SearchSpace.referenceStudy().withFixed("batch_size", "64").withFixed("num_epochs", "1");
    List<Trial> trials = s.trials(100);
    assertEquals(9, trials.size());
    assertTrue(
        trials.stream()
            .allMatch(t -> t.get("batch_size").equals("64") && t.get("num_epochs").equals("1")));
  }

  /**
   * Ids become folder names and Vertex labels: nothing that can climb out of a folder or break a
   * label.
   */
  @Test
  void trialIdsThatCouldEscapeAFolderOrBreakALabelAreRefused() {
    for (String bad : new String[] {"../../etc", "a/b", "UPPER", "", "x".repeat(64), "dot.ted"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> new Trial(bad, "s", Map.of()));
      assertTrue(
          e.getMessage()
              .contains("is not allowed; use 1-63 lowercase letters, digits, '_' and '-'"),
          e.getMessage());
    }
  }

  @Test
  void passThroughParametersGoToContainersButNotTheBundledTrainer() {
    SearchSpace s =
        SearchSpace.builder("p")
            .categorical("optimizer", "adam")
            .discrete("dropout", 0.5)
            .passThrough("dropout")
            .build();
    Trial t = s.trials(10).get(0);
    assertEquals(
        List.of("--optimizer", "adam", "--dropout", "0.5"),
        TrainerParameters.args(t, s.passThrough(), true));
    assertEquals(List.of("--optimizer", "adam"), TrainerParameters.args(t, s.passThrough(), false));
  }
}
