package dev.tunebeam.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.trainer.report.MetricsJson;
import dev.tunebeam.trainer.report.MetricsReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class TrainerMainTest {
  @TempDir Path tmp;

  private record Run(int code, String out, String err) {}

  private Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        TrainerMain.run(
            List.of(args),
            Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Runs with a model dir under tmp; asserts exit 2, the message, and that nothing was written. */
  private void assertUsageError(String expected, String... args) {
    Path modelDir = tmp.resolve("model-" + Math.abs(expected.hashCode()));
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of("--model-dir", modelDir.toString(), "--data-dir", TestData.dir().toString()));
    Run r = run(all.toArray(String[]::new));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("error: ") && r.err().contains(expected), r.err());
    assertEquals(1, r.err().strip().lines().count(), "one sentence: " + r.err());
    assertFalse(Files.exists(modelDir), "nothing written on bad input");
  }

  @Test
  void unknownActivationListsTheAllowedValues() {
    assertUsageError(
        "--activation swish is not supported; allowed: relu, leakyrelu, softmax, tanh, sigmoid",
        "--activation",
        "swish");
  }

  @Test
  void unknownOptimizerAndPooling() {
    assertUsageError(
        "--optimizer adagrad is not supported; allowed: sgd, adam, rmsprop",
        "--optimizer",
        "adagrad");
    assertUsageError("--pooling min is not supported; allowed: avg, max", "--pooling", "min");
  }

  @Test
  void batchSizeAndEpochBounds() {
    assertUsageError("--batch-size 0 is too small; it must be at least 1", "--batch-size", "0");
    assertUsageError("--num-epochs 0 is too small; it must be at least 1", "--num-epochs", "0");
    assertUsageError(
        "--batch-size 128 is larger than the 100 training samples; use at most 100",
        "--batch-size",
        "128",
        "--train-samples",
        "100",
        "--test-samples",
        "50");
  }

  @Test
  void missingDataDirAndUnwritableModelDir() {
    Run r = run("--data-dir", "/no/such/folder", "--model-dir", tmp.resolve("m").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--data-dir /no/such/folder is not a readable directory"), r.err());
    assertFalse(Files.exists(tmp.resolve("m")));
    Run w = run("--model-dir", "/proc/self/no-model-here", "--data-dir", TestData.dir().toString());
    assertEquals(2, w.code());
    assertTrue(w.err().contains("--model-dir /proc/self/no-model-here is not writable"), w.err());
  }

  @Test
  void helpExitsZero() {
    for (String flag : new String[] {"--help", "-h"}) {
      Run r = run(flag);
      assertEquals(0, r.code(), flag + ": " + r.err());
      assertTrue(r.out().contains("--activation relu|leakyrelu|softmax|tanh|sigmoid"), flag);
    }
  }

  /**
   * The "done when": 6,000 real images, one epoch, > 0.75 test accuracy, metrics.json and
   * the model written. The bound was set with max pooling, He init and standardised inputs (they
   * learn faster in one epoch than the reference's defaults), so those are passed.
   */
  @Test
  void trainsOneEpochOnRealDataAndWritesTheContractOutputs() throws Exception {
    Path modelDir = tmp.resolve("model");
    Run r =
        run(
            "--activation",
            "relu",
            "--optimizer",
            "adam",
            "--batch-size",
            "64",
            "--num-epochs",
            "1",
            "--pooling",
            "max",
            "--init",
            "he",
            "--normalize",
            "standard",
            "--train-samples",
            "6000",
            "--test-samples",
            "1000",
            "--model-dir",
            modelDir.toString(),
            "--data-dir",
            TestData.dir().toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("CUDA available: "), r.out());
    assertTrue(r.out().contains("Epoch 1/1\nTrain Loss: "), r.out());
    assertTrue(r.out().contains("Test Acc: "), r.out());
    MetricsReport m =
        MetricsJson.read("metrics.json", Files.readAllBytes(modelDir.resolve("metrics.json")));
    assertTrue(
        m.finalMetric(EpochRecord.TEST_ACCURACY) > 0.75,
        "test accuracy " + m.finalMetric(EpochRecord.TEST_ACCURACY));
    assertTrue(
        r.out()
            .contains(
                String.format(
                    "Final test accuracy: %.3f", m.finalMetric(EpochRecord.TEST_ACCURACY))),
        r.out());
    assertEquals("relu", m.config().activation());
    assertEquals(6000, m.dataset().trainSamples());
    assertEquals(6000, m.config().trainSamples(), "sample counts as used");
    assertEquals(0.001, m.config().learningRate(), "written as given, not 0.0010000000474974513");
    assertEquals("cpu", m.device());
    assertEquals(5000, m.dataset().validation().samples());
    assertEquals(64, m.dataset().validation().indicesSha256().length());
    assertTrue(
        m.compute().threads() > 0
            && m.compute().determinism().containsKey("deterministic_algorithms"),
        String.valueOf(m.compute()));
    assertEquals(4, m.dataset().sha256().size());
    assertEquals(1, m.history().size());
    assertEquals("0.36.0", m.versions().get("djl"));
    try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      NDList params = NDList.decode(manager, Files.readAllBytes(modelDir.resolve("model.npz")));
      assertEquals(10, params.size());
      assertEquals(new Shape(6, 1, 5, 5), params.get("conv1.weight").getShape());
      assertEquals(new Shape(84, 10), params.get("fc3.weight").getShape());
    }
  }

  /**
   * With several objectives each epoch's hypertune line holds every metric named by {@code
   * --metric-id}, so Vertex reads one measurement per epoch for all of its MetricSpecs.
   */
  @Test
  void reportsSeveralMetricsToHypertuneInOneLinePerEpoch() throws Exception {
    Path metricsFile = tmp.resolve("hypertune/output.metrics");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        TrainerMain.run(
            List.of(
                "--num-epochs",
                "2",
                "--train-samples",
                "1000",
                "--validation-samples",
                "200",
                "--test-samples",
                "200",
                "--metric-id",
                "val_accuracy,train_seconds,param_count",
                "--data-dir",
                TestData.dir().toString()),
            Map.of("CLOUD_ML_TRIAL_ID", "4", "CLOUD_ML_HP_METRIC_FILE", metricsFile.toString()),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    List<String> lines = Files.readAllLines(metricsFile);
    assertEquals(2, lines.size());
    var last = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(1));
    assertEquals("2", last.get("global_step").textValue());
    double accuracy = Double.parseDouble(last.get("val_accuracy").textValue());
    double seconds = Double.parseDouble(last.get("train_seconds").textValue());
    assertTrue(accuracy > 0.1 && accuracy <= 1, "accuracy " + accuracy);
    assertTrue(seconds > 0, "seconds " + seconds);
    assertEquals(
        String.valueOf((double) dev.tunebeam.trainer.model.LeNetLayout.SIZE),
        last.get("param_count").textValue());
    assertUsageError(
        "--metric-id val_accuracy,,x is not allowed", "--metric-id", "val_accuracy,,x");
  }
}
