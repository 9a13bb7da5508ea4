package dev.tunebeam.transforms.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Objective.Goal;
import dev.tunebeam.transforms.study.Objective.Measurement;
import dev.tunebeam.transforms.study.Objectives;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code objectives:} in a space file and {@code --objective} text: read, and refused in words. */
class ObjectivesKeyTest {
  private static final String HEAD =
      "study: s\nparameters:\n  activation: {type: categorical, values: [relu, tanh]}\n";

  private static String refusal(String yaml) {
    return assertThrows(
            IllegalArgumentException.class, () -> SpaceFiles.parse("s.yaml", HEAD + yaml))
        .getMessage();
  }

  @Test
  void aSpaceListsSeveralObjectives() {
    SearchSpace space =
        SpaceFiles.parse(
            "s.yaml",
            HEAD
                + "objectives:\n  - {metric: val_accuracy, goal: maximize, measurement: last}\n"
                + "  - {metric: train_seconds, goal: min}\n");
    assertEquals(
        new Objectives(
            List.of(
                new Objective("val_accuracy", Goal.MAXIMIZE, Measurement.LAST),
                new Objective("train_seconds", Goal.MINIMIZE, Measurement.LAST))),
        space.effectiveObjectives());
    assertEquals("val_accuracy", space.effectiveObjective().metric());
  }

  @Test
  void withoutAValidationSplitEachValidationMetricBecomesTheTestOne() {
    SearchSpace space =
        SpaceFiles.parse(
            "s.yaml",
            HEAD
                + "fixed: {validation_samples: 0}\n"
                + "objectives: [{metric: val_accuracy}, {metric: param_count, goal: minimize}]\n");
    assertEquals(List.of("test_accuracy", "param_count"), space.effectiveObjectives().metrics());
  }

  @Test
  void badObjectivesAreOneSentenceNamingTheField() {
    assertTrue(
        refusal("objectives: [{metric: val_accuracy}, {metric: val_accuracy, goal: min}]")
            .contains("objectives lists metric val_accuracy twice"));
    assertTrue(
        refusal("objectives: [{metric: val_accuracy, goal: up}]")
            .contains("objectives[1] goal up is not supported; allowed: maximize, minimize"));
    assertTrue(
        refusal("objectives: [{metric: val_accuracy}, {metric: train_seconds, measurement: last}]")
            .contains("give the measurement once, on the first"));
    assertTrue(refusal("objectives: []").contains("objectives must be a non-empty list"));
    assertTrue(refusal("objectives: [{goal: min}]").contains("objectives[1] has no metric"));
    assertTrue(
        refusal("objective: {metric: val_accuracy}\nobjectives: [{metric: val_accuracy}]")
            .contains("objective and objectives are both given"));
  }

  @Test
  void theFlagsTextReadsEachObjective() {
    Objectives o =
        Objectives.parse("--objective", "val_accuracy:max,train_seconds:min", Measurement.BEST);
    assertEquals(
        List.of(
            new Objective("val_accuracy", Goal.MAXIMIZE, Measurement.BEST),
            new Objective("train_seconds", Goal.MINIMIZE, Measurement.BEST)),
        o.all());
    assertEquals(
        Goal.MINIMIZE,
        Objectives.parse("--objective", "val_loss:minimize:last", Measurement.BEST)
            .primary()
            .goal());
    for (String[] bad :
        new String[][] {
          {"val_accuracy:max,val_accuracy:min", "--objective lists metric val_accuracy twice"},
          {"val_accuracy:up", "--objective goal up is not supported"},
          {"val_accuracy:max,", "is not allowed; give metric[:goal[:measurement]]"},
          {"val_accuracy:max:best:x", "is not allowed; give metric[:goal[:measurement]]"},
          {
            "val_accuracy:max,train_seconds:min:last",
            "--objective: train_seconds has measurement last"
          }
        }) {
      String m =
          assertThrows(
                  IllegalArgumentException.class,
                  () -> Objectives.parse("--objective", bad[0], Measurement.BEST))
              .getMessage();
      assertTrue(m.contains(bad[1]), m);
    }
  }
}
