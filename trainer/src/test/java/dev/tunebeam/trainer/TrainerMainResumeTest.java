package dev.tunebeam.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.trainer.report.MetricsJson;
import dev.tunebeam.trainer.report.MetricsReport;
import dev.tunebeam.trainer.report.WorkerOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainer's command line continues from its checkpoint folder, and says how it ended in its
 * outcome file.
 */
@Tag("integration")
class TrainerMainResumeTest {
  @TempDir Path tmp;

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  private int run(Path model, Path checkpoints, Path outcome, String... extra) {
    printed.reset();
    List<String> args =
        new ArrayList<>(
            List.of(
                "--data-dir",
                TestData.dir().toString(),
                "--train-samples",
                "300",
                "--validation-samples",
                "50",
                "--test-samples",
                "100",
                "--batch-size",
                "50",
                "--model-dir",
                model.toString(),
                "--checkpoint-dir",
                checkpoints.toString(),
                "--outcome-file",
                outcome.toString()));
    args.addAll(List.of(extra));
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    return TrainerMain.run(args, Map.of(), out, out);
  }

  private static MetricsReport metrics(Path dir) throws Exception {
    return MetricsJson.read("metrics.json", Files.readAllBytes(dir.resolve(MetricsJson.FILE_NAME)));
  }

  @Test
  void oneEpochThenOneMoreFromTheCheckpointEqualsTwoAtOnce() throws Exception {
    Path checkpoints = tmp.resolve("ck");
    assertEquals(
        0, run(tmp.resolve("m1"), checkpoints, tmp.resolve("o1.json"), "--num-epochs", "1"));
    assertTrue(WorkerOutcome.read(tmp.resolve("o1.json")).orElseThrow().ok());
    assertEquals(
        0, run(tmp.resolve("m2"), checkpoints, tmp.resolve("o2.json"), "--num-epochs", "2"));
    String second = printed.toString(StandardCharsets.UTF_8);
    assertTrue(
        second.contains("Continuing from the checkpoint at epoch 1")
            && second.contains("Epoch 2/2")
            && !second.contains("Epoch 1/2"),
        "only the second epoch is trained: " + second);
    assertEquals(
        0,
        run(tmp.resolve("m3"), tmp.resolve("fresh"), tmp.resolve("o3.json"), "--num-epochs", "2"));
    MetricsReport continued = metrics(tmp.resolve("m2"));
    MetricsReport atOnce = metrics(tmp.resolve("m3"));
    assertEquals(2, continued.history().size(), "the first epoch comes from the checkpoint");
    // The same weights, so the same metrics; the training seconds are a clock's, so only their
    // sum is checked: the continued run's second epoch counts on from the checkpoint's first.
    Map<String, Double> same = new TreeMap<>(continued.history().get(1).metrics());
    Map<String, Double> fresh = new TreeMap<>(atOnce.history().get(1).metrics());
    double secondsSoFar = same.remove(EpochRecord.TRAIN_SECONDS);
    fresh.remove(EpochRecord.TRAIN_SECONDS);
    assertEquals(fresh, same);
    assertTrue(
        secondsSoFar > continued.history().get(0).metric(EpochRecord.TRAIN_SECONDS),
        "train_seconds counts on from the checkpoint's epoch");
    assertEquals(
        Files.readAllBytes(tmp.resolve("m3").resolve("model.npz")).length,
        Files.readAllBytes(tmp.resolve("m2").resolve("model.npz")).length);
  }

  @Test
  void aBadFlagIsExitTwoWithItsSentenceInTheOutcomeFile() {
    assertEquals(
        2,
        run(tmp.resolve("m"), tmp.resolve("ck"), tmp.resolve("bad.json"), "--num-epochs", "zero"));
    WorkerOutcome o = WorkerOutcome.read(tmp.resolve("bad.json")).orElseThrow();
    assertEquals("FAILED", o.status());
    assertTrue(o.usageError());
    assertTrue(o.error().startsWith("--num-epochs zero"), o.error());
  }
}
