package dev.tunebeam.transforms.search.stopping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.SearchSpaceLoader;
import dev.tunebeam.transforms.space.StoppingRule;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A {@code stopping:} block as a file gives it: read, checked against the space, and each bad one
 * refused with one sentence that names the field and the fix.
 */
class StoppingInputTest {
  private static final String SPACE =
      """
      study: s
      algorithm: %s
      parameters:
        optimizer: {type: categorical, values: [sgd, adam, rmsprop]}
        batch_size: {type: discrete, values: [32, 64]}
      fixed:
        num_epochs: 6
      %s
      """;

  private static byte[] file(String algorithm, String extra) {
    return SPACE.formatted(algorithm, extra).getBytes(StandardCharsets.UTF_8);
  }

  private static StoppingPlan plan(String algorithm, String extra) {
    byte[] f = file(algorithm, extra);
    SearchSpace space = SearchSpaceLoader.parse("s.yaml", f);
    StoppingRule rule = SearchSpaceLoader.stopping("s.yaml", f).orElseThrow();
    return StoppingPlan.of(space, rule, space.effectiveObjectives());
  }

  @Test
  void theIssuesExampleReadsAsAMedianRuleWithStagesToNumEpochs() {
    StoppingPlan p = plan("grid", "stopping: {rule: median, grace_epochs: 1, at: [1, 3, 5]}");
    assertEquals(StoppingRule.median(1, List.of(1, 3, 5)), p.rule());
    assertEquals(List.of(1, 3, 5, 6), p.epochs());
    assertEquals(List.of(1, 3, 5), p.decisionEpochs());
    StoppingPlan every = plan("random\nsamples: 3", "stopping: {rule: percentile, percentile: 25}");
    assertEquals(List.of(1, 2, 3, 4, 5, 6), every.epochs(), "no at: every epoch below the top");
    StoppingPlan threshold =
        plan("tpe\ntrials: 6\nbatch: 2", "stopping: {rule: threshold, min: 0.5, at: [2]}");
    assertEquals(0.5, threshold.rule().min());
    assertTrue(Double.isNaN(threshold.rule().max()));
    assertTrue(SearchSpaceLoader.stopping("s.yaml", file("grid", "")).isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown rule|{rule: hyperband}|stopping.rule hyperband is not supported; use median,"
            + " percentile or threshold",
        "no rule|{at: [1]}|stopping.rule is missing",
        "at not increasing|{rule: median, at: [3, 1]}|stopping.at [3, 1] must be increasing epochs"
            + " of at least 1, like [1, 3, 6]; fix 1",
        "at zero|{rule: median, at: [0, 2]}|stopping.at [0, 2] must be increasing",
        "at fraction|{rule: median, at: [1.5]}|stopping.at 1.5 must be a whole number of epochs",
        "percentile 0|{rule: percentile, percentile: 0}|stopping.percentile 0 is not allowed; give"
            + " the share of trials kept, above 0 and below 100",
        "percentile 100|{rule: percentile, percentile: 100}|stopping.percentile 100 is not allowed",
        "percentile missing|{rule: percentile}|stopping rule percentile needs percentile:",
        "percentile with median|{rule: median, percentile: 30}|stopping.percentile is read only by"
            + " rule percentile, not median",
        "threshold without bounds|{rule: threshold, at: [1]}|stopping rule threshold needs min: or"
            + " max:",
        "min with median|{rule: median, min: 0.5}|stopping.min is read only by rule threshold",
        "min above max|{rule: threshold, min: 0.9, max: 0.1}|stopping.min 0.9 is above stopping.max"
            + " 0.1",
        "negative grace|{rule: median, grace_epochs: -1}|stopping.grace_epochs -1 is negative",
        "unknown key|{rule: median, patience: 3}|stopping has unknown key patience",
        "not a mapping|median|stopping must be a mapping like {rule: median"
      })
  void aBadBlockIsOneSentenceNamingTheField(String name, String block, String message) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SearchSpaceLoader.parse("s.yaml", file("grid", "stopping: " + block)));
    assertTrue(e.getMessage().startsWith("s.yaml: " + message), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "halving|halving|stopping cannot be used with algorithm halving, which already stops"
            + " trials at its rungs; drop stopping, or use grid, random, tpe or gp",
        "hyperband|hyperband|stopping cannot be used with algorithm hyperband",
        "at the top epoch|grid|stopping.at [1, 6] reaches epoch 6, but trials train 6 epochs"
            + " (num_epochs); stop at epochs below 6",
      })
  void aRuleTheStudyCannotUseIsRefused(String name, String algorithm, String message) {
    String at = name.startsWith("at") ? "[1, 6]" : "[1]";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                plan(
                    // min_epochs 3: rungs at epochs 3 and 6 that six points fill
                    algorithm.equals("grid") ? algorithm : algorithm + "\nmin_epochs: 3",
                    "stopping: {rule: median, at: " + at + "}"));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @Test
  void severalObjectivesAreRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                plan(
                    "grid",
                    "objectives: [{metric: val_accuracy, goal: maximize}, {metric: train_seconds,"
                        + " goal: minimize}]\nstopping: {rule: median, at: [1]}"));
    assertTrue(
        e.getMessage().startsWith("stopping compares trials on one objective, but the study has 2"),
        e.getMessage());
  }
}
