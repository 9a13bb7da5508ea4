package dev.tunebeam.transforms.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.transforms.search.halving.HalvingSettings;
import dev.tunebeam.transforms.search.hyperband.HyperbandSettings;
import dev.tunebeam.transforms.search.tpe.TpeSettings;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.SpaceFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rung sizes computed before expansion, and the schedule errors. */
class ScheduleTest {
  private static SearchSpace reference(String algorithm) {
    String yaml =
        """
        study: ref
        algorithm: %s
        parameters:
          activation: {type: categorical, values: [relu, softmax, leakyrelu]}
          optimizer: {type: categorical, values: [sgd, adam, rmsprop]}
          batch_size: {type: discrete, values: [32, 64, 128]}
        fixed:
          num_epochs: 10
        """
            .formatted(algorithm);
    return SpaceFiles.parse("s.yaml", yaml);
  }

  private static List<int[]> rungs(Bracket b) {
    return b.rungs().stream().map(r -> new int[] {r.trials(), r.epochs()}).toList();
  }

  @Test
  void halvingOfTheReferenceSpace() {
    Schedule s = Schedule.of(reference("halving"));
    assertEquals(1, s.brackets().size());
    List<int[]> r = rungs(s.brackets().get(0));
    assertEquals(List.of("27@1", "9@3", "3@10"), r.stream().map(x -> x[0] + "@" + x[1]).toList());
    // 27*1 + 9*(3-1) + 3*(10-3)
    assertEquals(66, s.modelEpochs());
    assertEquals(27, s.trials());
    assertEquals(270, s.fullModelEpochs());
    assertEquals(27, reference("halving").size());
  }

  @Test
  void hyperbandBracketsOfTheReferenceSpace() {
    Schedule s = Schedule.of(reference("hyperband"));
    assertEquals(
        List.of("9@1 3@3 1@10", "5@3 1@10", "3@10"),
        s.brackets().stream()
            .map(b -> String.join(" ", rungs(b).stream().map(x -> x[0] + "@" + x[1]).toList()))
            .toList());
    // (9 + 3*2 + 7) + (5*3 + 7) + 3*10
    assertEquals(22 + 22 + 30, s.modelEpochs());
    assertEquals(17, s.trials());
  }

  @Test
  void hyperbandOnAContinuousRangeDrawsWhatEachBracketAsks() {
    SearchSpace s =
        SearchSpace.builder("h")
            .doubleRange("learning_rate", 0.001, 0.1, dev.tunebeam.transforms.space.Scale.LOG, null)
            .algorithm(new HyperbandSettings(3, 1))
            .seed(4)
            .fixed("num_epochs", "9")
            .build();
    // s_max 2: brackets of 9, 5 and 3 trials
    assertEquals(17, Schedule.of(s).trials());
    assertEquals(
        9,
        RunSchedule.of(s, dev.tunebeam.transforms.study.Objective.DEFAULT, rung -> null)
            .firstTrials()
            .get(0)
            .size());
  }

  @Test
  void halvingWithoutSamplesNeedsStepsOnRanges() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SearchSpace.builder("h")
                    .doubleRange(
                        "learning_rate", 0.001, 0.1, dev.tunebeam.transforms.space.Scale.LOG, null)
                    .algorithm(new HalvingSettings(3, 1))
                    .build());
    assertTrue(e.getMessage().contains("for halving: samples: N"), e.getMessage());
  }

  @Test
  void tpeRounds() {
    SearchSpace space =
        SearchSpace.builder("t")
            .categorical("optimizer", "sgd", "adam")
            // Unbounded, so the 24 trials are not capped at the space's points.
            .doubleRange("learning_rate", 0.001, 0.1, dev.tunebeam.transforms.space.Scale.LOG, null)
            .algorithm(new TpeSettings(24, 4))
            .seed(7)
            .fixed("num_epochs", "2")
            .build();
    Schedule s = Schedule.of(space);
    assertEquals(
        List.of(10, 4, 4, 4, 2), s.brackets().get(0).rungs().stream().map(Rung::trials).toList());
    assertEquals(24, s.trials());
    assertEquals(48, s.modelEpochs());
  }

  @Test
  void etaBelowTwoIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> reference("halving\neta: 1"));
    assertTrue(e.getMessage().contains("eta 1 is not allowed"), e.getMessage());
  }

  @Test
  void minEpochsAboveNumEpochsIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Schedule.of(reference("halving\nmin_epochs: 11")));
    assertTrue(e.getMessage().contains("min_epochs 11 is more than num_epochs 10"), e.getMessage());
  }

  @Test
  void aRungWithoutTrialsIsRefused() {
    SearchSpace small =
        SearchSpace.builder("small")
            .categorical("optimizer", "sgd", "adam")
            .algorithm(new HalvingSettings(3, 1))
            .fixed("num_epochs", "9")
            .build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Schedule.of(small));
    assertTrue(
        e.getMessage().contains("eta 3 leaves rung 1 (epoch 3) of bracket 0 with zero trials"),
        e.getMessage());
  }

  @Test
  void tpeBatchAboveTrialsIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SearchSpace.builder("t")
                    .categorical("optimizer", "sgd", "adam")
                    .algorithm(new TpeSettings(4, 5))
                    .seed(1)
                    .build());
    assertTrue(e.getMessage().contains("batch 5 is more than trials 4"), e.getMessage());
  }

  @Test
  void aSearchedNumEpochsIsRefused() {
    SearchSpace s =
        SearchSpace.builder("t")
            .categorical("optimizer", "sgd", "adam")
            .discrete("num_epochs", 1, 2)
            .algorithm(new HalvingSettings(2, 1))
            .build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedule.of(s));
    assertTrue(e.getMessage().contains("num_epochs is searched"), e.getMessage());
  }
}
