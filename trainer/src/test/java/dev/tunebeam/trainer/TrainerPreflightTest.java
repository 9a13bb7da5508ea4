package dev.tunebeam.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainer's outputs are checked before the data is loaded: exit 2 and one sentence, nothing
 * trained or written.
 */
class TrainerPreflightTest {
  @TempDir Path tmp;

  private String usageError(Map<String, String> env, String... extra) {
    Path model = tmp.resolve("model");
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "--model-dir",
                model.toString(),
                "--data-dir",
                TestData.dir().toString(),
                "--num-epochs",
                "1",
                "--test-samples",
                "64"));
    args.addAll(extra.length > 0 ? List.of(extra) : List.of("--train-samples", "64"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        TrainerMain.run(
            args,
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String e = err.toString(StandardCharsets.UTF_8).strip();
    assertEquals(2, code, e + out);
    assertEquals(1, e.lines().count(), e);
    assertFalse(out.toString(StandardCharsets.UTF_8).contains("Epoch"), "nothing trained");
    assertFalse(Files.exists(model), "nothing written");
    return e;
  }

  @Test
  void aMetricFileThatIsADirectoryIsRefusedBeforeTraining() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("metrics-dir"));
    String e =
        usageError(Map.of("CLOUD_ML_HP_METRIC_FILE", dir.toString(), "CLOUD_ML_TRIAL_ID", "1"));
    assertTrue(
        e.contains(
            "the hypertune metric file " + dir + " (CLOUD_ML_HP_METRIC_FILE) is a directory"),
        e);
  }

  @Test
  void aMetricFileInAnUnwritableFolderIsRefusedBeforeTraining() {
    String e =
        usageError(
            Map.of(
                "CLOUD_ML_HP_METRIC_FILE",
                "/sys/tunebeam/output.metrics",
                "CLOUD_ML_TRIAL_ID",
                "1"));
    assertTrue(e.contains("(CLOUD_ML_HP_METRIC_FILE) cannot be written"), e);
  }

  @Test
  void moreSamplesThanTheDataHoldsIsRefusedNotCut() {
    String e = usageError(Map.of(), "--train-samples", "70000");
    assertTrue(e.contains("--train-samples 70000 is more than the"), e);
  }

  @Test
  void aModelDirUnderSysIsRefused() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        TrainerMain.run(
            List.of("--model-dir", "/sys/tunebeam-model", "--data-dir", TestData.dir().toString()),
            Map.of(),
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code, err.toString(StandardCharsets.UTF_8));
    assertTrue(
        err.toString(StandardCharsets.UTF_8)
            .contains("--model-dir /sys/tunebeam-model is not writable"),
        err.toString(StandardCharsets.UTF_8));
  }
}
