package dev.tunebeam.transforms.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunebeam.transforms.study.Objective;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The model-epochs the report's second history panel is drawn against, read back from the report's
 * own data.
 */
class ModelEpochHistoryTest {
  private static JsonNode data(Leaderboard board) throws Exception {
    return HtmlReportTest.data(new String(HtmlReport.render(board, "s"), StandardCharsets.UTF_8));
  }

  private static List<String> pieces(JsonNode data) {
    List<String> out = new ArrayList<>();
    for (JsonNode p : data.get("modelEpochs")) {
      out.add(
          p.get("id").asText()
              + "@"
              + p.get("epoch").asInt()
              + ":"
              + p.get("spent").asLong()
              + "="
              + (p.get("value").isNull() ? "-" : p.get("value").asText())
              + (p.get("last").asBoolean() ? "" : "+"));
    }
    return out;
  }

  @Test
  void halvingIsReplayedRungByRungCountingOnlyEachRungsNewEpochs() throws Exception {
    // Rung ends 1 and 2 (where trials were stopped), then the top rung. '+' marks a rung result of
    // a trial that trained on.
    assertEquals(
        List.of(
            "h0@1:1=0.7+",
            "h1@1:2=0.72+",
            "h2@1:3=0.69+",
            "h3@1:4=0.6",
            "h4@1:5=0.5",
            "h5@1:6=0.65",
            "h6@1:7=-+",
            "h0@2:8=0.78+",
            "h1@2:9=0.75",
            "h2@2:10=0.77",
            "h6@2:11=-",
            "h0@4:13=0.84"),
        pieces(data(ReportFixtures.halvingBoard())));
  }

  @Test
  void theSummaryCountsStoppedTrials() {
    String html =
        new String(HtmlReport.render(ReportFixtures.halvingBoard(), "s"), StandardCharsets.UTF_8);
    assertTrue(
        html.contains("7 trials: 1 succeeded, 1 failed, 5 stopped early by the schedule;"),
        html.substring(0, 3000));
  }

  @Test
  void totalIsTheSumOfTheEpochsEachTrialReached() throws Exception {
    JsonNode data = data(ReportFixtures.halvingBoard());
    long reached = 0;
    for (JsonNode t : data.get("trials")) {
      JsonNode epochs = t.get("epochs");
      reached += epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).asInt();
    }
    JsonNode pieces = data.get("modelEpochs");
    assertEquals(4 + 2 + 2 + 1 + 1 + 1 + 2, reached);
    assertEquals(reached, pieces.get(pieces.size() - 1).get("spent").asLong());
  }

  @Test
  void withoutStoppedTrialsEachTrialIsOnePieceInTrialNumberOrder() throws Exception {
    JsonNode data = data(ReportFixtures.board());
    List<String> byNumber = new ArrayList<>();
    List<JsonNode> trials = new ArrayList<>();
    data.get("trials").forEach(trials::add);
    trials.stream()
        .filter(t -> t.get("epochs").size() > 0)
        .sorted((a, b) -> a.get("number").asInt() - b.get("number").asInt())
        .forEach(t -> byNumber.add(t.get("id").asText()));
    List<String> ids = new ArrayList<>();
    List<Long> spent = new ArrayList<>();
    for (JsonNode p : data.get("modelEpochs")) {
      ids.add(p.get("id").asText());
      spent.add(p.get("spent").asLong());
      assertEquals(3, p.get("epoch").asInt());
      assertEquals(true, p.get("last").asBoolean());
    }
    assertEquals(byNumber, ids, "failed and skipped trials reported no epoch and spent none");
    assertEquals(List.of(3L, 6L, 9L, 12L, 15L), spent);
  }

  @Test
  void aRungResultIsTheObjectiveJudgedOnTheEpochsSoFar() {
    ReportTrial t =
        ReportTrials.of(ReportFixtures.halvingBoard()).stream()
            .filter(x -> x.id().equals("h0"))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of(1, 2, 3, 4), t.epochs());
    assertEquals(0.78, t.objectiveAt(2), 1e-12);
    assertEquals(0.84, t.objectiveAt(99), 1e-12);
    assertEquals(Double.NaN, t.objectiveAt(0));
    // With 'best' the objective never falls: a worse late epoch keeps the earlier best.
    Leaderboard dips = Leaderboard.rank(List.of(Results.ok("relu", 0.8, 0.6)), Objective.DEFAULT);
    assertEquals(0.8, ReportTrials.of(dips).get(0).objectiveAt(2), 1e-12);
    Leaderboard last =
        Leaderboard.rank(
            List.of(Results.ok("relu", 0.8, 0.6)),
            new Objective("val_accuracy", Objective.Goal.MAXIMIZE, Objective.Measurement.LAST));
    assertEquals(0.6, ReportTrials.of(last).get(0).objectiveAt(2), 1e-12);
  }
}
