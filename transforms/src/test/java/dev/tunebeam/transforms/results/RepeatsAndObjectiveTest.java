package dev.tunebeam.transforms.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.SpaceFiles;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Repeats expand to seeds and rank points by their mean; the objective picks epochs and fails
 * trials without its metric.
 */
class RepeatsAndObjectiveTest {
  private static TrialResult run(String activation, long seed, double... val) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("activation", activation);
    p.put("seed", Long.toString(seed));
    List<dev.tunebeam.trainer.report.EpochRecord> h = new ArrayList<>();
    for (int e = 0; e < val.length; e++) {
      h.add(Results.epoch(e + 1, 1.0 / (e + 1), val[e], val[e], val[e] - 0.01, 1));
    }
    return TrialResult.of(Trial.of("s", p), "local", TrialStatus.SUCCEEDED, h, "cpu", 2, 6, "/o");
  }

  @Test
  void repeatsGiveEachPointConsecutiveSeedsAsTrials() {
    SearchSpace space =
        SpaceFiles.parse(
            "s.yaml",
            "study: s\nparameters:\n  activation: {type: categorical, values: [relu, tanh]}\n"
                + "fixed: {seed: 7}\nrepeats: 3\nobjective: {metric: val_loss, goal: minimize, measurement: last}\n");
    List<Trial> trials = space.trials(100);
    assertEquals(6, trials.size());
    assertEquals(
        List.of("7", "8", "9"), trials.subList(0, 3).stream().map(t -> t.get("seed")).toList());
    assertEquals(6, space.size());
    assertEquals(
        new Objective("val_loss", Objective.Goal.MINIMIZE, Objective.Measurement.LAST),
        space.objective());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SearchSpace.builder("s").categorical("seed", "1", "2").repeats(2).build());
    assertTrue(e.getMessage().contains("seed cannot also be searched"), e.getMessage());
  }

  @Test
  void pointsRankByMeanAndKeepEverySeedAsARow() {
    // tanh has the single best trial (0.95), but relu the better mean (0.90 vs 0.80).
    List<TrialResult> all =
        List.of(
            run("relu", 42, 0.89),
            run("relu", 43, 0.91),
            run("tanh", 42, 0.95),
            run("tanh", 43, 0.65));
    Leaderboard board = Leaderboard.rank(all, Objective.DEFAULT);
    assertEquals(
        List.of("relu", "relu", "tanh", "tanh"),
        board.ranked().stream().map(r -> r.trial().get("activation")).toList());
    Point relu = board.points().get(0);
    assertEquals(0.90, relu.meanObjective(), 1e-12);
    assertEquals(Math.sqrt(2 * 0.01 * 0.01), relu.stdObjective(), 1e-12);
    assertEquals(0.89, relu.meanTest(), 1e-12);
    List<String> header = LeaderboardFormats.header(board);
    assertTrue(
        header.containsAll(
            List.of(
                "point",
                "mean_val_accuracy",
                "std_val_accuracy",
                "mean_test_accuracy",
                "std_test_accuracy")));
    assertEquals(
        "0.9000", LeaderboardFormats.rows(board).get(1).get(header.indexOf("mean_val_accuracy")));
    assertTrue(
        new String(LeaderboardFormats.json(board, "s"), StandardCharsets.UTF_8)
            .contains("\"points\""));
  }

  @Test
  void theObjectiveChoosesTheEpochAndFailsTrialsWithoutItsMetric() {
    TrialResult r = Objective.DEFAULT.evaluate(run("relu", 42, 0.80, 0.86, 0.84));
    assertEquals(0.86, r.objectiveValue());
    assertEquals(2, r.chosenEpoch());
    assertEquals(0.85, r.testAccuracyAtChosen(), 1e-12);
    assertEquals(0.83, r.finalTestAccuracy(), 1e-12);
    TrialResult last =
        new Objective("val_accuracy", Objective.Goal.MAXIMIZE, Objective.Measurement.LAST)
            .evaluate(run("relu", 42, 0.8, 0.86, 0.84));
    assertEquals(3, last.chosenEpoch());
    TrialResult missing =
        new Objective("f1", Objective.Goal.MAXIMIZE, Objective.Measurement.BEST)
            .evaluate(run("relu", 42, 0.8));
    assertEquals(TrialStatus.FAILED, missing.status());
    assertEquals(
        "the trainer never reported f1, the objective's metric; it reported test_accuracy, train_accuracy, train_loss, "
            + "val_accuracy",
        missing.error());
  }

  @Test
  void aTrialAtChanceIsFlaggedAndSelectionOnTestIsSaid() {
    Leaderboard board =
        Leaderboard.rank(
            List.of(run("softmax", 42, 0.10, 0.11), run("relu", 42, 0.8)),
            Objective.DEFAULT.withoutValidation());
    List<String> header = LeaderboardFormats.header(board);
    List<List<String>> rows = LeaderboardFormats.rows(board);
    assertEquals("", rows.get(0).get(header.indexOf("note")));
    assertEquals("at chance", rows.get(1).get(header.indexOf("note")));
    assertEquals("SUCCEEDED", rows.get(1).get(header.indexOf("status")));
    assertEquals("2.0", rows.get(0).get(header.indexOf("seconds")));
    assertEquals("6.0", rows.get(0).get(header.indexOf("group_seconds")));
    assertTrue(
        new String(LeaderboardFormats.markdown(board, "s"), StandardCharsets.UTF_8)
            .contains("Selection used the test set"));
  }
}
