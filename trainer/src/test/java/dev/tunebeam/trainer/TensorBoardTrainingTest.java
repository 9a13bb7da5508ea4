package dev.tunebeam.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Value;
import dev.tunebeam.trainer.cli.TrainerArgs;
import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.trainer.report.MetricsJson;
import dev.tunebeam.trainer.report.MetricsReport;
import dev.tunebeam.trainer.report.tensorboard.TensorBoardTestAccess;
import dev.tunebeam.trainer.report.tensorboard.proto.Event;
import dev.tunebeam.trainer.report.tensorboard.proto.hparams.SessionStartInfo;
import dev.tunebeam.trainer.report.tensorboard.proto.hparams.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Really trains a tiny fused group through the CLI and reads its TensorBoard runs back. */
@Tag("integration")
class TensorBoardTrainingTest {
  @TempDir Path tmp;

  @Test
  void tensorboardDirDefaultsToVertexsVariable() {
    Map<String, String> env = Map.of("AIP_TENSORBOARD_LOG_DIR", "gs://bucket/logs");
    assertEquals("gs://bucket/logs", TrainerArgs.member(List.of(), env).tensorboardDir());
    assertEquals("/tb", TrainerArgs.member(List.of("--tensorboard-dir=/tb"), env).tensorboardDir());
  }

  @Test
  void everyModelWithADirectoryGetsARunWithItsEpochsAndSession() throws Exception {
    List<String> common =
        List.of(
            "--data-dir",
            TestData.dir().toString(),
            "--train-samples",
            "256",
            "--test-samples",
            "128",
            "--num-epochs",
            "2",
            "--batch-size",
            "64",
            "--device",
            "cpu");
    Path tbA = tmp.resolve("tensorboard/trial-a");
    Path tbB = tmp.resolve("tensorboard/trial-b");
    Path group = tmp.resolve("group.json");
    new ObjectMapper()
        .writeValue(
            group.toFile(),
            Map.of(
                "members",
                List.of(
                    Map.of(
                        "args",
                        concat(
                            common,
                            "--trial-id",
                            "trial-a",
                            "--optimizer",
                            "adam",
                            "--learning-rate",
                            "0.002",
                            "--model-dir",
                            tmp.resolve("trials/trial-a").toString(),
                            "--tensorboard-dir",
                            tbA.toString())),
                    Map.of(
                        "args",
                        concat(
                            common,
                            "--trial-id",
                            "trial-b",
                            "--optimizer",
                            "sgd",
                            "--activation",
                            "tanh",
                            "--model-dir",
                            tmp.resolve("trials/trial-b").toString(),
                            "--tensorboard-dir",
                            tbB.toString())),
                    Map.of(
                        "args",
                        concat(
                            common,
                            "--trial-id",
                            "trial-c",
                            "--optimizer",
                            "sgd",
                            "--model-dir",
                            tmp.resolve("trials/trial-c").toString())))));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    // No --threads: it sets PyTorch's thread count for the whole test JVM, and other tests' numbers
    // depend on it.
    int code =
        TrainerMain.run(
            List.of("--group", group.toString()),
            Map.of("HOSTNAME", "testhost"),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(
        0, code, () -> out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));

    checkRun(tbA, "trial-a", Map.of("optimizer", "adam", "activation", "relu"), 0.002);
    checkRun(tbB, "trial-b", Map.of("optimizer", "sgd", "activation", "tanh"), 0.01);
    assertFalse(
        Files.exists(tmp.resolve("tensorboard/trial-c")),
        "a model without --tensorboard-dir writes no events");
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("[trial-a] TensorBoard events written to " + tbA), printed);
  }

  private void checkRun(Path dir, String trialId, Map<String, String> texts, double learningRate)
      throws Exception {
    Path modelDir = tmp.resolve("trials/" + trialId);
    MetricsReport metrics =
        MetricsJson.read(
            modelDir.toString(), Files.readAllBytes(modelDir.resolve(MetricsJson.FILE_NAME)));
    Path file = TensorBoardTestAccess.singleEventFile(dir);
    assertTrue(
        file.getFileName().toString().matches("events\\.out\\.tfevents\\.\\d{10}\\.testhost"),
        file.toString());
    List<Event> events = TensorBoardTestAccess.read(file);
    assertEquals(2 + 2 + 1, events.size(), "version, session start, 2 epochs, session end");

    assertEquals("brain.Event:2", events.get(0).getFileVersion());
    SessionStartInfo start = TensorBoardTestAccess.sessionStart(events.get(1));
    texts.forEach((k, v) -> assertEquals(v, start.getHparamsOrThrow(k).getStringValue(), k));
    assertEquals("avg", start.getHparamsOrThrow("pooling").getStringValue());
    assertEquals(learningRate, start.getHparamsOrThrow("learning_rate").getNumberValue());
    assertEquals(64, start.getHparamsOrThrow("batch_size").getNumberValue());
    assertEquals(2, start.getHparamsOrThrow("num_epochs").getNumberValue());
    assertEquals(42, start.getHparamsOrThrow("seed").getNumberValue());
    assertEquals(256, start.getHparamsOrThrow("train_samples").getNumberValue());
    assertEquals(128, start.getHparamsOrThrow("test_samples").getNumberValue());
    assertEquals(11, start.getHparamsCount());
    assertEquals("torch", start.getHparamsOrThrow("init").getStringValue());
    assertEquals("none", start.getHparamsOrThrow("normalize").getStringValue());
    assertEquals(Value.KindCase.NUMBER_VALUE, start.getHparamsOrThrow("seed").getKindCase());
    assertEquals(trialId, start.getGroupName());
    assertEquals(modelDir.toString(), start.getModelUri());

    for (int epoch = 1; epoch <= 2; epoch++) {
      Event e = events.get(1 + epoch);
      EpochRecord m = metrics.history().get(epoch - 1);
      assertEquals(epoch, e.getStep());
      Map<String, Float> scalars = TensorBoardTestAccess.scalars(e);
      assertEquals(
          Map.of(
              "train/loss",
              (float) m.metric(EpochRecord.TRAIN_LOSS),
              "train/accuracy",
              (float) m.metric(EpochRecord.TRAIN_ACCURACY),
              "val/loss",
              (float) m.metric(EpochRecord.VAL_LOSS),
              "val/accuracy",
              (float) m.metric(EpochRecord.VAL_ACCURACY),
              "test/accuracy",
              (float) m.metric(EpochRecord.TEST_ACCURACY),
              "train/seconds",
              (float) m.metric(EpochRecord.TRAIN_SECONDS),
              "param/count",
              (float) m.metric(EpochRecord.PARAM_COUNT),
              "epoch/seconds",
              (float) m.seconds()),
          scalars);
      assertTrue(e.getWallTime() >= start.getStartTimeSecs());
    }
    assertEquals(
        (float) metrics.finalMetric(EpochRecord.TEST_ACCURACY),
        TensorBoardTestAccess.scalars(events.get(3)).get("test/accuracy"),
        "the HParams table's test/accuracy is the last scalar: the final test accuracy");
    assertEquals(Status.STATUS_SUCCESS, TensorBoardTestAccess.sessionEndStatus(events.get(4)));
    assertEquals(2, events.get(4).getStep());
  }

  private static List<String> concat(List<String> a, String... b) {
    List<String> all = new java.util.ArrayList<>(a);
    all.addAll(List.of(b));
    return all;
  }
}
