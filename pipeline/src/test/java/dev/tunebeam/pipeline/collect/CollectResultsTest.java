package dev.tunebeam.pipeline.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunebeam.pipeline.lock.LocalLockStore;
import dev.tunebeam.pipeline.lock.OutputLock;
import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.trainer.report.MetricsJson;
import dev.tunebeam.trainer.report.MetricsReport;
import dev.tunebeam.transforms.study.Objective;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collect command over a folder an asynchronous run left: it ranks by the objective the study
 * recorded (flags override it part by part), and, as the main job, refuses a folder another run
 * holds or whose layout it cannot write, before writing anything.
 */
@Tag("integration")
class CollectResultsTest {
  @TempDir Path out;

  private record Run(int code, String out, String err) {}

  private Run collect(String... flags) {
    List<String> args = new ArrayList<>(List.of("--output=" + out));
    args.addAll(List.of(flags));
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code =
        CollectResults.run(
            args.toArray(String[]::new),
            new PrintStream(o, true, StandardCharsets.UTF_8),
            new PrintStream(e, true, StandardCharsets.UTF_8));
    return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
  }

  /**
   * Two local trials that trained: 'low' ends with the lower val_loss, 'high' with the higher
   * val_accuracy.
   */
  private void manifest(Objective recorded) throws Exception {
    manifest(recorded, null);
  }

  private void manifest(Objective recorded, List<Objective> several) throws Exception {
    List<SubmissionManifest.Entry> entries = new ArrayList<>();
    entries.add(trained("low", 0.70, 0.30));
    entries.add(trained("high", 0.80, 0.60));
    entries.add(trained("worse", 0.60, 0.45));
    SubmissionManifest m =
        new SubmissionManifest(
            "collect-test", "test-project", "us-central1", null, recorded, several, entries);
    Files.write(out.resolve(SubmissionManifest.FILE_NAME), m.toJson());
  }

  private SubmissionManifest.Entry trained(String id, double valAccuracy, double valLoss)
      throws Exception {
    Path dir = Files.createDirectories(out.resolve("trials").resolve(id));
    List<EpochRecord> history =
        List.of(
            EpochRecord.of(
                1,
                1.0,
                Map.of(EpochRecord.VAL_ACCURACY, valAccuracy, EpochRecord.VAL_LOSS, valLoss)));
    Files.write(
        dir.resolve(MetricsJson.FILE_NAME),
        MetricsJson.write(
            new MetricsReport(id, null, history, 1.0, 1.0, "cpu", 1, Map.of(), null)));
    return new SubmissionManifest.Entry(
        id, Map.of("name", id), "local", "SUCCEEDED", null, dir.toString(), null);
  }

  private JsonNode results() throws Exception {
    return new ObjectMapper().readTree(out.resolve("results.json").toFile());
  }

  private String first() throws Exception {
    return results().get("trials").get(0).get("trial_id").asText();
  }

  @Test
  void ranksByTheObjectiveTheStudyRecorded() throws Exception {
    manifest(
        new Objective(EpochRecord.VAL_LOSS, Objective.Goal.MINIMIZE, Objective.Measurement.LAST));
    Run r = collect();
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("ranked by last val_loss (minimize)"), r.out());
    assertEquals("val_loss", results().at("/objective/metric").asText());
    assertEquals("minimize", results().at("/objective/goal").asText());
    assertEquals("low", first());
  }

  @Test
  void ranksBySeveralObjectivesTheStudyRecorded() throws Exception {
    Objective accuracy = Objective.DEFAULT;
    Objective loss =
        new Objective(EpochRecord.VAL_LOSS, Objective.Goal.MINIMIZE, Objective.Measurement.BEST);
    manifest(accuracy, List.of(accuracy, loss));
    Run r = collect();
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("val_loss (minimize)"), r.out());
    JsonNode trials = results().get("trials");
    assertEquals(2, results().get("objectives").size());
    // 'high' and 'low' trade accuracy against loss (front 1); 'worse' loses on both.
    assertEquals(
        List.of("high:1", "low:1", "worse:2"),
        List.of(
            trials.get(0).get("trial_id").asText() + ":" + trials.get(0).get("front").asInt(),
            trials.get(1).get("trial_id").asText() + ":" + trials.get(1).get("front").asInt(),
            trials.get(2).get("trial_id").asText() + ":" + trials.get(2).get("front").asInt()));
    // The leaderboard it wrote is read back as the same two objectives.
    Files.delete(out.resolve(SubmissionManifest.FILE_NAME));
    manifest(null);
    assertEquals(0, collect().code());
    assertEquals(2, results().get("objectives").size());
  }

  @Test
  void flagsOverrideTheRecordedObjectivePartByPart() throws Exception {
    manifest(
        new Objective(EpochRecord.VAL_LOSS, Objective.Goal.MINIMIZE, Objective.Measurement.LAST));
    Run r = collect("--objectiveGoal=maximize");
    assertEquals(0, r.code(), r.err());
    assertEquals(
        "val_loss",
        results().at("/objective/metric").asText(),
        "the metric stays the recorded one");
    assertEquals("last", results().at("/objective/measurement").asText());
    assertEquals("high", first());
  }

  @Test
  void aManifestWithoutAnObjectiveFallsBackToTheLeaderboardAlreadyThere() throws Exception {
    manifest(null);
    Files.writeString(
        out.resolve("results.json"),
        "{\"objective\": {\"metric\": \"val_loss\", \"goal\": \"minimize\", \"measurement\": \"best\"}}");
    assertEquals(0, collect().code());
    assertEquals("val_loss", results().at("/objective/metric").asText());
    assertEquals("low", first());
    Files.delete(out.resolve("results.json"));
    assertEquals(0, collect().code());
    assertEquals(
        "val_accuracy",
        results().at("/objective/metric").asText(),
        "nothing recorded: the default objective");
    assertEquals("high", first());
  }

  @Test
  void aFolderAnotherRunHoldsIsRefusedAndNothingIsWritten() throws Exception {
    manifest(Objective.DEFAULT);
    try (OutputLock held =
        OutputLock.acquire(
            "--output",
            out.toString(),
            new LocalLockStore(out.resolve(OutputLock.FILE_NAME)),
            Clock.systemUTC(),
            w -> {})) {
      Run r = collect();
      assertEquals(2, r.code(), r.out());
      assertTrue(
          r.err().startsWith("error: --output " + out + " is in use by another run ("), r.err());
      assertFalse(Files.exists(out.resolve("results.csv")));
    }
    Run after = collect();
    assertEquals(0, after.code(), after.err());
    assertFalse(
        Files.exists(out.resolve(OutputLock.FILE_NAME)), "collect removes its lock when done");
  }

  @Test
  void aLeaderboardFileThatIsAFolderIsRefusedBeforeAnythingRuns() throws Exception {
    manifest(Objective.DEFAULT);
    Files.createDirectories(out.resolve("results.csv"));
    Run r = collect();
    assertEquals(2, r.code());
    assertTrue(r.err().contains("holds a folder named results.csv"), r.err());
    assertFalse(Files.exists(out.resolve("results.json")));
  }
}
