package dev.tunebeam.transforms.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.results.Leaderboard;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rung's ranking and promotion, and where stopped trials land on the leaderboard. */
class PromoteTest {
  /** A succeeded trial whose epoch {@code i} reached {@code accuracies[i]}. */
  private static TrialResult ok(String name, double... accuracies) {
    List<EpochRecord> h = new ArrayList<>();
    for (int i = 0; i < accuracies.length; i++) {
      h.add(
          EpochRecord.of(
              i + 1,
              1.0,
              Map.of(
                  EpochRecord.VAL_ACCURACY,
                  accuracies[i],
                  EpochRecord.TEST_ACCURACY,
                  accuracies[i] - 0.01)));
    }
    Trial t =
        new Trial(
            name,
            "s",
            Map.of("activation", name, "num_epochs", Integer.toString(accuracies.length)));
    return TrialResult.of(
        t, "local", TrialStatus.SUCCEEDED, h, "cpu", accuracies.length, accuracies.length, "/o");
  }

  private static final Objective BEST_VAL = Objective.DEFAULT;

  @Test
  void keepsTheBestAndStopsTheRestWithTheirCurves() {
    List<TrialResult> rung =
        List.of(
            ok("a", 0.50),
            ok("b", 0.80),
            ok("c", 0.70),
            ok("d", 0.10),
            TrialResult.failed(
                new Trial("e", "s", Map.of("activation", "e")), "local", "boom", 0, "/o"));
    PromoteFn.Split split = PromoteFn.split(rung, 1, 2, BEST_VAL);
    assertEquals(List.of("b", "c"), split.promoted().stream().map(Trial::id).toList());
    assertEquals(List.of("a", "d", "e"), split.left().stream().map(r -> r.trial().id()).toList());
    assertEquals(
        List.of(TrialStatus.STOPPED, TrialStatus.STOPPED, TrialStatus.FAILED),
        split.left().stream().map(TrialResult::status).toList());
    assertEquals(1, split.left().get(0).history().size());
  }

  @Test
  void theReferenceStudyIsPromotedAsItAlwaysWas() {
    // Recorded before the objective owned ranking: the best nine at epoch 3, best first.
    PromoteFn.Split split =
        PromoteFn.split(
            dev.tunebeam.transforms.results.ReferenceStudyRankingTest.referenceStudy(1),
            3,
            9,
            BEST_VAL);
    assertEquals(
        List.of(
            "softmax/rmsprop/64",
            "relu/rmsprop/32",
            "leakyrelu/sgd/64",
            "leakyrelu/adam/64",
            "relu/sgd/128",
            "leakyrelu/rmsprop/64",
            "relu/rmsprop/128",
            "leakyrelu/rmsprop/128",
            "leakyrelu/adam/128"),
        split.promoted().stream()
            .map(t -> t.get("activation") + "/" + t.get("optimizer") + "/" + t.get("batch_size"))
            .toList());
  }

  @Test
  void tiesGoToTheSmallerTrialId() {
    PromoteFn.Split split =
        PromoteFn.split(List.of(ok("z", 0.5), ok("y", 0.5), ok("x", 0.5)), 1, 1, BEST_VAL);
    assertEquals(List.of("x"), split.promoted().stream().map(Trial::id).toList());
  }

  @Test
  void aResultFromALaterRungIsRankedAsOfThisRung() {
    // A rerun finds "a" already trained to epoch 3; at rung 1 only its first epoch counts.
    PromoteFn.Split split =
        PromoteFn.split(List.of(ok("a", 0.2, 0.9, 0.95), ok("b", 0.6)), 1, 1, BEST_VAL);
    assertEquals(List.of("b"), split.promoted().stream().map(Trial::id).toList());
    TrialResult a = split.left().get(0);
    assertEquals(1, a.history().size());
    assertEquals(0.2, a.objectiveValue(), 1e-12);
    assertEquals("1", a.trial().get("num_epochs"));
  }

  @Test
  void promotedTrialsKeepTheirIdAndGoToTheNextRungsEpochs() {
    Trial t =
        RungResults.atEpochs(
            new Trial("abc", "s", Map.of("activation", "relu", "num_epochs", "10")), 3);
    assertEquals("abc", t.id());
    assertEquals("3", t.get("num_epochs"));
  }

  @Test
  void leaderboardRanksCompletedThenStoppedFurthestFirstThenFailed() {
    TrialResult done = ok("a", 0.5, 0.6, 0.7);
    TrialResult stoppedLate = RungResults.stopped(ok("b", 0.8, 0.81));
    TrialResult stoppedEarly = RungResults.stopped(ok("c", 0.95));
    TrialResult failed =
        TrialResult.failed(new Trial("d", "s", Map.of()), "local", "boom", 0, "/o");
    Leaderboard board =
        Leaderboard.rank(List.of(failed, stoppedEarly, stoppedLate, done), BEST_VAL);
    assertEquals(
        List.of("a", "b", "c", "d"), board.ranked().stream().map(r -> r.trial().id()).toList());
    assertEquals("a", board.best().orElseThrow().trial().id());
    assertTrue(stoppedEarly.error().contains("after epoch 1"));
  }

  /** A rung trial whose one epoch reached {@code accuracy} after {@code seconds} of training. */
  private static TrialResult costed(String name, double accuracy, double seconds) {
    EpochRecord e =
        EpochRecord.of(
            1,
            1.0,
            Map.of(
                EpochRecord.VAL_ACCURACY, accuracy,
                EpochRecord.TEST_ACCURACY, accuracy,
                EpochRecord.TRAIN_SECONDS, seconds));
    Trial t = new Trial(name, "s", Map.of("activation", name, "num_epochs", "1"));
    return TrialResult.of(t, "local", TrialStatus.SUCCEEDED, List.of(e), "cpu", 1, 1, "/o");
  }

  @Test
  void severalObjectivesPromoteByNonDominatedSorting() {
    List<TrialResult> rung =
        List.of(
            costed("a", 0.90, 10),
            costed("b", 0.80, 5),
            costed("c", 0.70, 20),
            costed("d", 0.85, 8));
    dev.tunebeam.transforms.study.Objectives two =
        new dev.tunebeam.transforms.study.Objectives(
            List.of(
                BEST_VAL,
                new Objective(
                    EpochRecord.TRAIN_SECONDS,
                    Objective.Goal.MINIMIZE,
                    Objective.Measurement.BEST)));
    // a, b and d are the front; of three, its two ends (infinite crowding distance) go on.
    assertEquals(
        List.of("a", "b"),
        PromoteFn.split(rung, 1, 2, two).promoted().stream().map(Trial::id).toList());
    assertEquals(
        List.of("a", "b", "d"),
        PromoteFn.split(rung, 1, 3, two).promoted().stream().map(Trial::id).toList());
    // One objective promotes by accuracy alone, as it always has.
    assertEquals(
        List.of("a", "d"),
        PromoteFn.split(rung, 1, 2, BEST_VAL).promoted().stream().map(Trial::id).toList());
  }
}
