package dev.tunebeam.transforms.search.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lookups in a recording, and the refusals that name what it lacks. */
class RecordedPointsTest {
  private static final SearchSpace GRID = Recordings.space("replayed", "algorithm: grid");

  private static Trial trial(String a, String o, String b, int epochs) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("activation", a);
    p.put("optimizer", o);
    p.put("batch_size", b);
    p.put("num_epochs", Integer.toString(epochs));
    return Trial.of("replayed", p);
  }

  @Test
  void aLookupIsTheRecordedCurveCutAtTheTrialsEpochs() {
    RecordedPoints points = RecordedPoints.of(Recordings.synthetic(10), GRID);
    TrialResult r = points.lookUp(trial("relu", "adam", "64", 3), "replay");
    assertEquals(TrialStatus.SUCCEEDED, r.status());
    assertEquals(3, r.epochs());
    assertEquals(6.0, r.wallSeconds(), 1e-9, "three recorded epochs of 2 s");
    double q = Recordings.quality("relu", "adam", "64");
    assertEquals(q * (1 - Math.pow(0.6, 3)), r.history().get(2).metric("val_accuracy"), 1e-12);
    assertEquals("replayed", r.trial().study(), "the replayed trial, not the recorded one");
    assertEquals(
        q * (1 - Math.pow(0.6, 3)),
        Objectives.DEFAULT.evaluate(r).objectiveValue(),
        1e-12,
        "judged on the epochs it reached");
  }

  @Test
  void numbersMatchByValue() {
    RecordedPoints points = RecordedPoints.of(Recordings.synthetic(10), GRID);
    Map<String, String> p = new LinkedHashMap<>(trial("relu", "adam", "64", 2).parameters());
    p.put("batch_size", "64.0");
    assertEquals(2, points.lookUp(Trial.of("x", p), "replay").epochs());
  }

  @Test
  void aPointTheRecordingLacksIsRefusedByName() {
    SearchSpace wider =
        Recordings.space("replayed", "algorithm: grid").withFixed("batch_size", "256");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RecordedPoints.of(Recordings.synthetic(10), wider));
    assertTrue(
        e.getMessage().startsWith("the recording synthetic lacks point activation=relu"),
        e.getMessage());
    assertTrue(e.getMessage().contains("batch_size is only 128, 32, 64"), e.getMessage());
    assertTrue(e.getMessage().endsWith("search only the values it holds"), e.getMessage());
  }

  @Test
  void aValueTheRecordingNeverSetIsNamed() {
    SearchSpace other = GRID.withFixed("momentum", "0.9");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RecordedPoints.of(Recordings.synthetic(10), other));
    assertTrue(e.getMessage().contains("it never sets momentum"), e.getMessage());
  }

  @Test
  void aRecordedFixedValueIsTakenButOneThatVariesMustBeSet() {
    RecordedPoints.of(Recordings.synthetic(10), GRID.withFixed("pooling", "avg"));
    Recording two = withPooling(Recordings.synthetic(10), "max");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RecordedPoints.of(two, GRID));
    assertTrue(e.getMessage().contains("matches 2 trials"), e.getMessage());
    assertTrue(e.getMessage().contains("which differ in [pooling]"), e.getMessage());
    RecordedPoints.of(two, GRID.withFixed("pooling", "max"));
  }

  @Test
  void moreEpochsThanRecordedAreRefusedWhenAsked() {
    RecordedPoints points = RecordedPoints.of(Recordings.synthetic(3), GRID);
    assertEquals(3, points.lookUp(trial("relu", "sgd", "32", 3), "replay").epochs());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> points.lookUp(trial("relu", "sgd", "32", 10), "replay"));
    assertTrue(e.getMessage().contains("to epoch 3 only (SUCCEEDED)"), e.getMessage());
    assertTrue(e.getMessage().contains("asks for epoch 10"), e.getMessage());
  }

  @Test
  void aRangeIsRefusedForAnAlgorithmThatDrawsFromIt() {
    SearchSpace drawn =
        Recordings.space(
            "replayed",
            """
            algorithm: random
            samples: 5""");
    RecordedPoints.of(Recordings.synthetic(10), drawn);
    SearchSpace ranged =
        dev.tunebeam.transforms.space.SearchSpaceLoader.parse(
            "r.yaml",
            """
            study: r
            algorithm: random
            samples: 5
            parameters:
              activation: {type: categorical, values: [relu]}
              batch_size: {type: integer, min: 32, max: 128}
            fixed: {num_epochs: 10, optimizer: adam}
            """
                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
            true);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RecordedPoints.of(Recordings.synthetic(10), ranged));
    assertTrue(
        e.getMessage().startsWith("parameter batch_size is a range, and algorithm random draws"),
        e.getMessage());
    assertTrue(
        e.getMessage().endsWith("batch_size: {type: discrete, values: [128, 32, 64]}"),
        e.getMessage());
  }

  @Test
  void aFailedTrialReplaysAsFailed() {
    Recording r = Recordings.synthetic(10);
    List<RecordedTrial> trials = new ArrayList<>(r.trials());
    RecordedTrial first = trials.get(0);
    trials.set(
        0,
        new RecordedTrial(
            first.id(), first.parameters(), TrialStatus.FAILED, "out of memory", List.of(), "cpu"));
    RecordedPoints points =
        RecordedPoints.of(new Recording("s", r.objectives(), trials, "s", Map.of()), GRID);
    TrialResult failed = points.lookUp(trial("relu", "sgd", "32", 10), "replay");
    assertEquals(TrialStatus.FAILED, failed.status());
    assertEquals("out of memory", failed.error());
  }

  private static Recording withPooling(Recording r, String pooling) {
    List<RecordedTrial> trials = new ArrayList<>(r.trials());
    for (RecordedTrial t : r.trials()) {
      Map<String, String> p = new LinkedHashMap<>(t.parameters());
      p.put("pooling", pooling);
      List<EpochRecord> h = t.history();
      trials.add(new RecordedTrial(t.id() + "m", p, t.status(), null, h, "cpu"));
    }
    return new Recording(r.study(), r.objectives(), trials, r.source(), Map.of());
  }
}
