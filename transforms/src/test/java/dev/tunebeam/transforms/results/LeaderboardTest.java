package dev.tunebeam.transforms.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeaderboardTest {
  @Test
  void bestFirstFailuresLastTiesBrokenByFinalAccuracyThenId() {
    TrialResult a = Results.ok("relu", 0.90, 0.89);
    TrialResult b = Results.ok("tanh", 0.90, 0.90);
    TrialResult c = Results.ok("sigmoid", 0.80, 0.80);
    TrialResult d = Results.failed("softmax", "boom");
    TrialResult e = Results.ok("leakyrelu", Double.NaN, Double.NaN);
    List<TrialResult> all = new ArrayList<>(List.of(a, b, c, d, e));
    for (int shuffle = 0; shuffle < 5; shuffle++) {
      Collections.shuffle(all, new java.util.Random(shuffle));
      Leaderboard board = Leaderboard.rank(all, Objective.DEFAULT);
      assertEquals(
          judged(b, a, c), board.ranked().subList(0, 3), "order does not depend on arrival");
      assertTrue(board.ranked().subList(3, 5).containsAll(judged(d, e)));
      assertEquals(judged(b).get(0), board.best().orElseThrow());
      // The trial whose objective is NaN is a FAILED row too: no measurement, never ranked.
      assertEquals(2, board.failed());
    }
  }

  @Test
  void credentialsInAnErrorNeverReachTheTableOrTheReport() {
    TrialResult leaky =
        Results.failed(
            "relu",
            "403 from storage: Authorization: Bearer ya29.a0AfH6SMsecret-token for access_token=abc123");
    Leaderboard board = Leaderboard.rank(List.of(leaky), Objective.DEFAULT);
    for (byte[] file :
        List.of(
            LeaderboardFormats.csv(board),
            LeaderboardFormats.json(board, "s"),
            LeaderboardFormats.markdown(board, "s"),
            HtmlReport.render(board, "s"))) {
      String text = new String(file, java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(!text.contains("ya29.a0AfH6SMsecret") && !text.contains("abc123"), text);
      assertTrue(text.contains("[REDACTED]"), "the error is still there, redacted");
    }
  }

  @Test
  void lossIsMinimised() {
    TrialResult low = Results.ok("relu", 0.5, 0.5);
    TrialResult high =
        TrialResult.of(
            Results.trial("tanh"),
            "local",
            TrialStatus.SUCCEEDED,
            List.of(
                Results.epoch(1, 2.5, 0.9, 0.9, 0.9, 1), Results.epoch(2, 2.0, 0.9, 0.9, 0.9, 1)),
            "cpu",
            1,
            1,
            "/o");
    Objective loss =
        new Objective("train_loss", Objective.Goal.MINIMIZE, Objective.Measurement.LAST);
    Leaderboard board = Leaderboard.rank(List.of(high, low), loss);
    assertEquals(low.trial(), board.ranked().get(0).trial());
    assertEquals(0.5, board.ranked().get(0).objectiveValue());
    assertEquals(2, board.ranked().get(0).chosenEpoch());
  }

  @Test
  void formatsCarryEveryColumnAndEscapeText() throws Exception {
    Leaderboard board =
        Leaderboard.rank(
            List.of(
                Results.ok("relu", 0.9, 0.88),
                Results.failed("softmax", "quota, \"exceeded\"\nretry")),
            Objective.DEFAULT);
    assertEquals(
        List.of(
            "rank",
            "trial_id",
            "activation",
            "batch_size",
            "best_val_accuracy",
            "chosen_epoch",
            "test_accuracy",
            "final_test_accuracy",
            "epochs",
            "seconds",
            "group_seconds",
            "backend",
            "device",
            "status",
            "note",
            "error"),
        LeaderboardFormats.header(board));
    String csv = new String(LeaderboardFormats.csv(board));
    var records =
        org.apache.commons.csv.CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new java.io.StringReader(csv))
            .getRecords();
    assertEquals(2, records.size());
    assertEquals("0.9000", records.get(0).get("best_val_accuracy"));
    assertEquals("1", records.get(0).get("chosen_epoch"));
    assertEquals("0.9000", records.get(0).get("test_accuracy"));
    assertEquals("0.8800", records.get(0).get("final_test_accuracy"));
    assertEquals("FAILED", records.get(1).get("status"));
    assertEquals("quota, \"exceeded\"\nretry", records.get(1).get("error"));
    assertEquals("", records.get(1).get("best_val_accuracy"));
    String md = new String(LeaderboardFormats.markdown(board, "s"));
    assertTrue(md.contains("| 1 | "), md);
    assertEquals(4, md.lines().filter(l -> l.startsWith("|")).count(), md);
    var json =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(LeaderboardFormats.json(board, "s"));
    assertEquals(2, json.get("trials").size());
    assertEquals(2, json.get("trials").get(0).get("history").size());
    assertTrue(json.get("trials").get(1).get("best_val_accuracy").isNull());
    assertEquals(0.9, json.get("trials").get(0).get("best_val_accuracy").asDouble());
    assertEquals(64, json.get("trials").get(0).get("parameters").get("batch_size").asInt());
    assertTrue(
        json.get("trials").get(0).get("parameters").get("batch_size").isNumber(),
        "numbers as numbers");
  }

  private static List<TrialResult> judged(TrialResult... results) {
    return java.util.Arrays.stream(results).map(Objective.DEFAULT::evaluate).toList();
  }
}
