package dev.tunebeam.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunebeam.trainer.report.WorkerOutcome;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The long-lived worker runs each stdin job as the trainer's own command line and marks where each
 * ends.
 */
@Tag("integration")
class TrainerWorkerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void runsJobAfterJobAndMarksEachEndWithItsCode() throws Exception {
    String jobs =
        job("first", group("a", 64))
            + "\n\n"
            + job("second", group("b", 4096))
            + "\n"
            + job("third", group("c", 64))
            + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    // No --threads in the jobs: it sets PyTorch's thread count for the whole test JVM.
    int code =
        TrainerWorker.serve(
            new BufferedReader(new StringReader(jobs)),
            Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertEquals(0, code, "end of input ends the worker cleanly");
    List<String> markers =
        out.toString(StandardCharsets.UTF_8)
            .lines()
            .filter(l -> l.startsWith(TrainerWorker.DONE))
            .toList();
    assertEquals(
        List.of("@worker-done first 0", "@worker-done second 2", "@worker-done third 0"), markers);
    assertTrue(Files.exists(tmp.resolve("a/metrics.json")));
    assertTrue(Files.exists(tmp.resolve("c/metrics.json")), "a refused job does not stop the next");
    WorkerOutcome refused = WorkerOutcome.read(tmp.resolve("b.outcome.json")).orElseThrow();
    assertTrue(
        refused.usageError() && refused.error().contains("--batch-size 4096"), refused.error());
    assertTrue(WorkerOutcome.read(tmp.resolve("c.outcome.json")).orElseThrow().ok());
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.indexOf("\"trial\":\"a\"") < printed.indexOf("@worker-done first"), printed);
    assertTrue(
        printed.indexOf("\"trial\":\"c\"") > printed.indexOf("@worker-done second"), printed);
  }

  @Test
  void progressLinesCarryEachEpochsPaceForThePipelineToJudgeTheWorker() throws Exception {
    Path group = tmp.resolve("pair.json");
    JSON.writeValue(
        group.toFile(),
        Map.of(
            "members", List.of(Map.of("args", member("x", 32)), Map.of("args", member("y", 32)))));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    TrainerWorker.serve(
        new BufferedReader(new StringReader(job("pair", group) + "\n")),
        Map.of(),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    List<JsonNode> paces =
        out.toString(StandardCharsets.UTF_8)
            .lines()
            .filter(l -> l.startsWith("@progress "))
            .map(l -> readTree(l.substring("@progress ".length())).get("pace"))
            .toList();
    assertEquals(2, paces.size(), "one line per fused model");
    JsonNode pace = paces.get(0);
    assertEquals(256, pace.get("images").asInt());
    assertEquals(32, pace.get("batch_size").asInt());
    assertEquals(2, pace.get("models").asInt());
    assertTrue(pace.get("train_seconds").asDouble() > 0, pace.toString());
    assertTrue(pace.get("cpu_seconds").asDouble() > 0, pace.toString());
    assertEquals(pace, paces.get(1), "the fused models share one epoch's pace");
  }

  @Test
  void aWarmJobLoadsAheadTrainsNothingAndTheWorkerServesOn() throws Exception {
    String jobs =
        JSON.writeValueAsString(
                Map.of(
                    "id", "w", "warm", Map.of("data_dir", TestData.dir().toString(), "threads", 0)))
            + "\n"
            + JSON.writeValueAsString(
                Map.of("id", "bad", "warm", Map.of("data_dir", tmp.resolve("none").toString())))
            + "\n"
            + job("first", group("a", 64))
            + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    TrainerWorker.serve(
        new BufferedReader(new StringReader(jobs)),
        Map.of(),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    String printed = out.toString(StandardCharsets.UTF_8);
    List<String> markers = printed.lines().filter(l -> l.startsWith(TrainerWorker.DONE)).toList();
    assertEquals(
        List.of("@worker-done w 0", "@worker-done bad 1", "@worker-done first 0"), markers);
    assertEquals(
        printed.indexOf("@worker-done bad"),
        printed.indexOf("@worker-done w 0\n") + "@worker-done w 0\n".length(),
        "a warm-up prints nothing but its marker: " + printed);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("warm-up skipped"), err.toString());
    assertTrue(Files.exists(tmp.resolve("a/metrics.json")), "a failed warm-up leaves it serving");
  }

  private static JsonNode readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new AssertionError(json, e);
    }
  }

  private String job(String id, Path group) throws Exception {
    String name = group.getFileName().toString().replace(".json", "");
    return JSON.writeValueAsString(
        Map.of(
            "id",
            id,
            "args",
            List.of(
                "--group",
                group.toString(),
                "--outcome-file",
                tmp.resolve(name + ".outcome.json").toString())));
  }

  private Path group(String trial, int batch) throws Exception {
    Path file = tmp.resolve(trial + ".json");
    JSON.writeValue(
        file.toFile(), Map.of("members", List.of(Map.of("args", member(trial, batch)))));
    return file;
  }

  private List<String> member(String trial, int batch) {
    return List.of(
        "--trial-id",
        trial,
        "--data-dir",
        TestData.dir().toString(),
        "--train-samples",
        "256",
        "--test-samples",
        "128",
        "--num-epochs",
        "1",
        "--batch-size",
        String.valueOf(batch),
        "--device",
        "cpu",
        "--model-dir",
        tmp.resolve(trial).toString());
  }
}
