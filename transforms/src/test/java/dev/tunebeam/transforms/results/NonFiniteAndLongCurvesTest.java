package dev.tunebeam.transforms.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 25: an objective value that is NaN or infinite is no measurement and never ranks a trial; a
 * trial of a quarter million reported steps gives a report that is drawn in seconds and says that
 * its curves were thinned.
 */
class NonFiniteAndLongCurvesTest {
  static final double NAN = Double.NaN;
  static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void nanAndInfinityAreFailedRowsWithASentenceNeverRankedFirst() {
    TrialResult real = Results.ok("relu", 0.7, 0.8);
    TrialResult nan = Results.ok("tanh", NAN, NAN);
    TrialResult inf = Results.ok("sigmoid", INF, INF);
    TrialResult oneInf = Results.ok("elu", 0.6, INF);
    Leaderboard board = Leaderboard.rank(List.of(nan, inf, real, oneInf), Objective.DEFAULT);
    TrialResult first = board.ranked().get(0);
    assertEquals("relu", first.trial().get("activation"));
    assertEquals("relu", board.best().orElseThrow().trial().get("activation"));
    TrialResult second = board.ranked().get(1);
    assertEquals("elu", second.trial().get("activation"), "judged on its finite epoch");
    assertEquals(0.6, second.objectiveValue());
    for (TrialResult r : board.ranked().subList(2, 4)) {
      assertEquals(TrialStatus.FAILED, r.status());
    }
    assertEquals(
        "the trainer reported val_accuracy NaN at epoch 2, and no finite value at any epoch; an"
            + " objective's value must be a finite number to rank the trial (a diverged trainer"
            + " should exit non-zero)",
        Objective.DEFAULT.evaluate(nan).error());
    assertTrue(
        Objective.DEFAULT
            .evaluate(inf)
            .error()
            .startsWith("the trainer reported val_accuracy Infinity at epoch 2"));
    String csv = new String(LeaderboardFormats.csv(board), StandardCharsets.UTF_8);
    assertTrue(csv.split("\n")[1].contains("relu"), csv);
  }

  @Test
  void measuredLastAValueThatIsNotFiniteFailsTheTrial() {
    Objective last =
        new Objective(
            EpochRecord.VAL_ACCURACY, Objective.Goal.MAXIMIZE, Objective.Measurement.LAST);
    TrialResult r = last.evaluate(Results.ok("relu", 0.9, NAN));
    assertEquals(TrialStatus.FAILED, r.status());
    assertTrue(r.error().contains("NaN at epoch 2, its last report of it;"), r.error());
  }

  @Test
  void aLaterObjectiveThatIsNotFiniteAtTheChosenEpochFailsTheTrial() {
    Objectives two =
        Objectives.of(
            Objective.DEFAULT,
            new Objective(
                EpochRecord.TRAIN_LOSS, Objective.Goal.MINIMIZE, Objective.Measurement.BEST));
    TrialResult r =
        TrialResult.of(
            Results.trial("relu"),
            "local",
            TrialStatus.SUCCEEDED,
            List.of(Results.epoch(1, NAN, 0.5, 0.8, 0.8, 1.0)),
            "cpu",
            1,
            1,
            "/o");
    TrialResult judged = two.evaluate(r);
    assertEquals(TrialStatus.FAILED, judged.status());
    assertTrue(
        judged.error().contains("train_loss NaN at epoch 1, the epoch val_accuracy chose"),
        judged.error());
  }

  @Test
  void aLossThatIsNotFiniteDoesNotFailATrialJudgedOnSomethingElse() {
    TrialResult r =
        TrialResult.of(
            Results.trial("relu"),
            "local",
            TrialStatus.SUCCEEDED,
            List.of(Results.epoch(1, NAN, 0.5, 0.8, 0.8, 1.0)),
            "cpu",
            1,
            1,
            "/o");
    TrialResult judged = Objective.DEFAULT.evaluate(r);
    assertEquals(TrialStatus.SUCCEEDED, judged.status(), judged.error());
    assertEquals(0.8, judged.objectiveValue());
  }

  @Test
  void theValuesSoFarAreWhatChooseGivesOnEachPrefix() {
    Random random = new Random(25);
    double[] pool = {NAN, INF, -INF, 0.1, 0.5, 0.9, 0.5};
    List<EpochRecord> history = new ArrayList<>();
    for (int i = 1; i <= 60; i++) {
      history.add(
          random.nextInt(5) == 0
              ? EpochRecord.of(i, 1, Map.of("other", 1.0))
              : EpochRecord.of(i, 1, Map.of("m", pool[random.nextInt(pool.length)])));
    }
    for (Objective.Goal goal : Objective.Goal.values()) {
      for (Objective.Measurement m : Objective.Measurement.values()) {
        Objective o = new Objective("m", goal, m);
        double[] expected = new double[history.size()];
        for (int i = 0; i < expected.length; i++) {
          expected[i] =
              o.choose(history.subList(0, i + 1)).map(e -> e.metric("m")).orElse(Double.NaN);
        }
        assertArrayEquals(expected, o.valuesSoFar(history), goal + " " + m);
      }
    }
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aQuarterMillionStepsDrawQuicklyFromAThousandPointsAndTheReportSaysSo() throws Exception {
    int steps = 237_177;
    List<EpochRecord> history = new ArrayList<>(steps);
    for (int i = 1; i <= steps; i++) {
      // Best at step 123,457: the chart keeps the epoch the trial is judged at.
      double v = i == 123_457 ? 0.99 : 0.5 * i / steps;
      history.add(EpochRecord.of(i, 0.01, Map.of(EpochRecord.VAL_ACCURACY, v)));
    }
    TrialResult many =
        TrialResult.of(
            Results.trial("relu"), "local", TrialStatus.SUCCEEDED, history, "cpu", 9, 9, "/o");
    Leaderboard board =
        Leaderboard.rank(List.of(many, Results.ok("tanh", 0.4, 0.5)), Objective.DEFAULT);
    String html = new String(HtmlReport.render(board, "s", "/o"), StandardCharsets.UTF_8);
    assertTrue(
        html.contains(
            "1 trial(s) reported more than 1,000 epochs (trial "
                + many.trial().id()
                + ": 237,177), so their lines are drawn from 1,000 of them"),
        "the report says it thinned the curves");
    JsonNode data = new ObjectMapper().readTree(ReportJson.of(board, "s"));
    JsonNode t = data.get("trials").get(0);
    assertEquals(many.trial().id(), t.get("id").asText());
    JsonNode epochs = t.get("epochs");
    assertTrue(epochs.size() <= 1001, epochs.size() + " points");
    assertEquals(1, epochs.get(0).asInt());
    assertEquals(steps, epochs.get(epochs.size() - 1).asInt());
    boolean chosen = false;
    for (JsonNode e : epochs) {
      chosen |= e.asInt() == 123_457;
    }
    assertTrue(chosen, "the judged epoch is drawn");
    assertEquals(123_457, t.get("chosenEpoch").asInt());
  }
}
