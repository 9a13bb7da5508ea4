package dev.tunebeam.transforms.warm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.results.Leaderboard;
import dev.tunebeam.transforms.results.LeaderboardFormats;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.WarmStartBlock;
import dev.tunebeam.transforms.space.WarmStartReader;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a warm start: the block, the earlier results.json files (as tunebeam writes them), the
 * matching by parameters, and each refusal's one sentence.
 */
class WarmStartTest {
  @TempDir Path tmp;

  private static SearchSpace space(String study) {
    return SearchSpace.builder(study)
        .categorical("activation", "relu", "tanh")
        .discrete("batch_size", 32, 64, 128)
        .doubleRange("learning_rate", 0.001, 0.1, dev.tunebeam.transforms.space.Scale.LOG, 3)
        .fixed("num_epochs", "2")
        .build();
  }

  private static TrialResult result(Trial t, double accuracy) {
    EpochRecord e =
        EpochRecord.of(
            1,
            2.5,
            Map.of(EpochRecord.VAL_ACCURACY, accuracy, EpochRecord.TEST_ACCURACY, accuracy - 0.01));
    return TrialResult.of(t, "local", TrialStatus.SUCCEEDED, List.of(e), "cpu", 2.5, 2.5, "f");
  }

  /** An earlier study's results.json, written as the leaderboard writes it. */
  private Path resultsFile(String name, List<TrialResult> results, Objectives objectives)
      throws Exception {
    Path f = tmp.resolve(name);
    Files.write(f, LeaderboardFormats.json(Leaderboard.rank(results, objectives), "earlier"));
    return f;
  }

  private static List<TrialResult> earlierStudy() {
    SearchSpace earlier = space("earlier");
    List<Trial> grid = earlier.gridTrials();
    TrialResult failed = TrialResult.failed(grid.get(2), "local", "boom", 1, "f");
    TrialResult otherEpochs = result(earlier.withFixed("num_epochs", "5").gridTrials().get(3), 0.9);
    return List.of(result(grid.get(0), 0.7), result(grid.get(1), 0.8), failed, otherEpochs);
  }

  @Test
  void earlierTrialsInsideTheSpaceBecomeThisStudysTrials() throws Exception {
    Path file = resultsFile("results.json", earlierStudy(), Objectives.DEFAULT);
    SearchSpace now = space("now");
    WarmStart warm =
        WarmStart.load(
            now, Objectives.DEFAULT, new WarmStartBlock(List.of(file.toString()), List.of(), true));
    // The failed trial and the one trained for other epochs are not answers of this space.
    assertEquals(2, warm.answered().size(), warm.answered().toString());
    List<Trial> grid = now.gridTrials();
    List<Trial> before = space("earlier").gridTrials();
    assertEquals(grid.get(1), warm.answered().get(0).trial(), "matched by parameters, best first");
    assertEquals("earlier/" + before.get(1).id(), warm.answered().get(0).reusedFrom());
    assertEquals(grid.get(0), warm.answered().get(1).trial());
    assertEquals(
        0.7, warm.answered().get(1).history().get(0).metric(EpochRecord.VAL_ACCURACY), 1e-12);
    assertTrue(warm.reuse());
  }

  @Test
  void aReusedRowSaysWhereItCameFromInEveryTable() {
    SearchSpace now = space("now");
    WarmStart warm = WarmStart.of(now, earlierStudy(), List.of(), true);
    Leaderboard board = Leaderboard.rank(warm.answered(), Objectives.DEFAULT);
    List<String> header = LeaderboardFormats.header(board);
    List<String> row = LeaderboardFormats.rows(board).get(0);
    String note = row.get(header.indexOf("note"));
    String from = board.ranked().get(0).reusedFrom();
    assertTrue(from.startsWith("earlier/"), from);
    assertEquals("reused from " + from, note);
    String json = new String(LeaderboardFormats.json(board, "now"), StandardCharsets.UTF_8);
    assertTrue(json.contains("\"reused_from\" : \"" + from + "\""), json);
  }

  @Test
  void aKnownPointOutsideTheSpaceIsOneSentence() {
    SearchSpace now = space("now");
    assertEquals(
        "warm_start.points[2]: batch_size 48 is outside the space; allowed: 32, 64, 128",
        refused(
            () ->
                WarmStart.of(
                    now,
                    List.of(),
                    List.of(
                        Map.of("activation", "relu", "batch_size", "64", "learning_rate", "0.01"),
                        Map.of("activation", "relu", "batch_size", "48", "learning_rate", "0.01")),
                    false)));
    assertEquals(
        "warm_start.points[1]: learning_rate 0.5 is outside the space; allowed: numbers from 0.001"
            + " to 0.1",
        refused(
            () ->
                WarmStart.of(
                    now,
                    List.of(),
                    List.of(
                        Map.of("activation", "relu", "batch_size", "64", "learning_rate", "0.5")),
                    false)));
    assertEquals(
        "warm_start.points[1]: learning_rate is missing; give one value; allowed: numbers from"
            + " 0.001 to 0.1",
        refused(
            () ->
                WarmStart.of(
                    now,
                    List.of(),
                    List.of(Map.of("activation", "relu", "batch_size", "64")),
                    false)));
    assertEquals(
        "warm_start.points[1]: optimizer is not a searched parameter of study now; give values"
            + " for activation, batch_size, learning_rate",
        refused(() -> WarmStart.of(now, List.of(), List.of(Map.of("optimizer", "adam")), false)));
  }

  @Test
  void aKnownPointBecomesTheTrialTheSearchWouldMake() {
    SearchSpace now = space("now");
    WarmStart warm =
        WarmStart.of(
            now,
            List.of(),
            List.of(Map.of("activation", "tanh", "batch_size", "64.0", "learning_rate", "0.010")),
            false);
    assertEquals(
        now.trial(Map.of("activation", "tanh", "batch_size", "64", "learning_rate", "0.01")),
        warm.points().get(0));
  }

  @Test
  void anEarlierStudyWithAnotherObjectiveIsRefused() throws Exception {
    Objectives loss = Objectives.of(Objective.parse("val_loss", "minimize", "last"));
    Path file = resultsFile("loss.json", earlierStudy(), loss);
    assertEquals(
        "warm_start.from "
            + file
            + ": study earlier ranked by "
            + loss.describe()
            + ", this study by "
            + Objectives.DEFAULT.describe()
            + "; warm-start only from a study with the same objective",
        refused(
            () ->
                WarmStart.load(
                    space("now"),
                    Objectives.DEFAULT,
                    new WarmStartBlock(List.of(file.toString()), List.of(), false))));
  }

  @Test
  void aFileThatIsNotAResultsFileOrIsMissingIsRefused() throws Exception {
    Path yaml = Files.writeString(tmp.resolve("space.yaml"), "study: s\nparameters: {}\n");
    assertEquals(
        "warm_start.from "
            + yaml
            + " is not a tunebeam results file (it is not JSON); give the results.json an earlier"
            + " study wrote",
        refused(() -> EarlierResults.read(yaml.toString())));
    Path other = Files.writeString(tmp.resolve("other.json"), "{\"study\": \"x\", \"rows\": []}");
    assertEquals(
        "warm_start.from "
            + other
            + " is not a tunebeam results file (it has no objective); give the results.json an"
            + " earlier study wrote",
        refused(() -> EarlierResults.read(other.toString())));
    Path missing = tmp.resolve("nowhere/results.json");
    assertEquals(
        "warm_start.from "
            + missing
            + " does not exist; give the results.json an earlier study wrote",
        refused(() -> EarlierResults.read(missing.toString())));
  }

  @Test
  void theBlockIsReadFromTheSearchSpaceFile() {
    WarmStartBlock block =
        WarmStartReader.read(
            "s.yaml",
            """
            study: s
            warm_start:
              from: [out/a/results.json, gs://b/p/results.json]
              points: [{activation: relu, batch_size: 64}]
              reuse: true
            parameters: {activation: {type: categorical, values: [relu]}}
            """
                .getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("out/a/results.json", "gs://b/p/results.json"), block.from());
    assertEquals(List.of(Map.of("activation", "relu", "batch_size", "64")), block.points());
    assertTrue(block.reuse());
    assertEquals(
        "s.yaml: warm_start has unknown key form; allowed: from, points, reuse",
        refused(
            () ->
                WarmStartReader.read(
                    "s.yaml", "warm_start: {form: [a]}\n".getBytes(StandardCharsets.UTF_8))));
  }

  private static String refused(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }
}
