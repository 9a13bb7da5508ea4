package dev.tunebeam.trainer.report.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import com.google.protobuf.Value;
import dev.tunebeam.trainer.model.Activation;
import dev.tunebeam.trainer.optim.OptimizerKind;
import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.trainer.report.tensorboard.proto.Event;
import dev.tunebeam.trainer.report.tensorboard.proto.hparams.HParamsPluginData;
import dev.tunebeam.trainer.report.tensorboard.proto.hparams.SessionStartInfo;
import dev.tunebeam.trainer.report.tensorboard.proto.hparams.Status;
import dev.tunebeam.trainer.train.MemberRun;
import dev.tunebeam.trainer.train.TrainingConfig;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorBoardRecorderTest {
  static final Instant T0 = Instant.parse("2026-01-02T03:04:05.250Z");

  @TempDir Path tmp;

  /** A clock that moves only when told to. */
  static final class StepClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(T0);

    void advance(Duration d) {
      now.set(now.get().plus(d));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @Test
  void namesTheFileForItsCreationSecondAndHost() {
    assertEquals(
        "events.out.tfevents.1767323045.worker-1.example",
        EventFileName.of(T0, "worker-1.example"));
    assertEquals(
        "events.out.tfevents.0000000042.a_b_c",
        EventFileName.of(Instant.ofEpochSecond(42), "a/b c"));
    assertEquals(
        "events.out.tfevents.0000000042.localhost",
        EventFileName.of(Instant.ofEpochSecond(42), ""));
    assertEquals("box", EventFileName.localHost(Map.of("HOSTNAME", "box")));
  }

  @Test
  void recordsASessionWithEveryValue() throws Exception {
    StepClock clock = new StepClock();
    Path dir = tmp.resolve("tb/trial-a");
    TensorBoardRecorder recorder =
        TensorBoardRecorder.open(dir.toString(), () -> null, clock, "host1");
    Map<String, Value> hparams =
        TrainingHParams.of(
            TrainingConfig.builder()
                .activation(Activation.TANH)
                .optimizer(OptimizerKind.SGD)
                .learningRate(0.05f)
                .batchSize(32)
                .epochs(2)
                .build(),
            256,
            128);

    recorder.started(hparams, "/models/trial-a", "trial-a");
    clock.advance(Duration.ofMillis(1500));
    recorder.epochFinished(
        new EpochRecord(
            1,
            1.5,
            0.5,
            new java.util.TreeMap<>(
                Map.of(
                    EpochRecord.TRAIN_LOSS,
                    (double) 1.25,
                    EpochRecord.TRAIN_ACCURACY,
                    (double) 0.5,
                    EpochRecord.TEST_ACCURACY,
                    (double) 0.625))));
    clock.advance(Duration.ofMillis(1000));
    recorder.epochFinished(
        new EpochRecord(
            2,
            1.0,
            0.5,
            new java.util.TreeMap<>(
                Map.of(
                    EpochRecord.TRAIN_LOSS,
                    (double) 0.75,
                    EpochRecord.TRAIN_ACCURACY,
                    (double) 0.75,
                    EpochRecord.TEST_ACCURACY,
                    (double) 0.6875))));
    clock.advance(Duration.ofMillis(250));
    recorder.finished(true);

    Path file = EventFiles.single(dir);
    assertEquals("events.out.tfevents.1767323045.host1", file.getFileName().toString());
    assertEquals(file.toString(), recorder.location());
    List<Event> events = EventFiles.read(file);
    assertEquals(5, events.size());
    double t0 = T0.toEpochMilli() / 1000.0;

    assertEquals("brain.Event:2", events.get(0).getFileVersion());
    assertEquals("tunebeam", events.get(0).getSourceMetadata().getWriter());
    assertEquals(t0, events.get(0).getWallTime());

    HParamsPluginData start = EventFiles.hparams(events.get(1), "_hparams_/session_start_info");
    assertEquals(HParamsPluginData.DataCase.SESSION_START_INFO, start.getDataCase());
    SessionStartInfo info = start.getSessionStartInfo();
    assertEquals(
        List.of(
            "activation",
            "optimizer",
            "learning_rate",
            "batch_size",
            "num_epochs",
            "pooling",
            "init",
            "normalize",
            "seed",
            "train_samples",
            "test_samples"),
        List.copyOf(hparams.keySet()));
    assertEquals(hparams, info.getHparamsMap());
    assertEquals("tanh", info.getHparamsOrThrow("activation").getStringValue());
    assertEquals("sgd", info.getHparamsOrThrow("optimizer").getStringValue());
    assertEquals(0.05, info.getHparamsOrThrow("learning_rate").getNumberValue());
    assertEquals(32, info.getHparamsOrThrow("batch_size").getNumberValue());
    assertEquals(2, info.getHparamsOrThrow("num_epochs").getNumberValue());
    assertEquals(
        "avg",
        info.getHparamsOrThrow("pooling").getStringValue(),
        "the reference's pooling is the default");
    assertEquals(42, info.getHparamsOrThrow("seed").getNumberValue());
    assertEquals(256, info.getHparamsOrThrow("train_samples").getNumberValue());
    assertEquals(128, info.getHparamsOrThrow("test_samples").getNumberValue());
    assertEquals("/models/trial-a", info.getModelUri());
    assertEquals("trial-a", info.getGroupName());
    assertEquals(t0, info.getStartTimeSecs());
    assertEquals(0, events.get(1).getStep());

    assertEquals(1, events.get(2).getStep());
    assertEquals(t0 + 1.5, events.get(2).getWallTime());
    assertEquals(
        Map.of(
            "train/loss",
            1.25f,
            "train/accuracy",
            0.5f,
            "test/accuracy",
            0.625f,
            "epoch/seconds",
            1.5f),
        EventFiles.scalars(events.get(2)));
    assertEquals(
        List.of("train/loss", "train/accuracy", "test/accuracy", "epoch/seconds"),
        List.copyOf(EventFiles.scalars(events.get(2)).keySet()));
    assertEquals(2, events.get(3).getStep());
    assertEquals(
        Map.of(
            "train/loss",
            0.75f,
            "train/accuracy",
            0.75f,
            "test/accuracy",
            0.6875f,
            "epoch/seconds",
            1.0f),
        EventFiles.scalars(events.get(3)));

    HParamsPluginData end = EventFiles.hparams(events.get(4), "_hparams_/session_end_info");
    assertEquals(Status.STATUS_SUCCESS, end.getSessionEndInfo().getStatus());
    assertEquals(t0 + 2.75, end.getSessionEndInfo().getEndTimeSecs());
    assertEquals(2, events.get(4).getStep());
  }

  /**
   * TensorBoard keeps a local event file open and reads on from where it was: appending must reach
   * it.
   */
  @Test
  void aReaderThatOpenedTheLocalFileSeesLaterEpochs() throws Exception {
    TensorBoardRecorder recorder =
        TensorBoardRecorder.open(tmp.toString(), () -> null, new StepClock(), "h");
    recorder.started(Map.of(), null, null);
    recorder.epochFinished(
        new EpochRecord(
            1,
            1,
            0.5,
            new java.util.TreeMap<>(
                Map.of(
                    EpochRecord.TRAIN_LOSS,
                    (double) 1,
                    EpochRecord.TRAIN_ACCURACY,
                    (double) 0.5,
                    EpochRecord.TEST_ACCURACY,
                    (double) 0.5))));
    try (InputStream in = new FileInputStream(EventFiles.single(tmp).toFile())) {
      TfRecordReader reader = new TfRecordReader(in);
      assertEquals(3, countRecords(reader));
      recorder.epochFinished(
          new EpochRecord(
              2,
              1,
              0.5,
              new java.util.TreeMap<>(
                  Map.of(
                      EpochRecord.TRAIN_LOSS,
                      (double) 0.5,
                      EpochRecord.TRAIN_ACCURACY,
                      (double) 0.75,
                      EpochRecord.TEST_ACCURACY,
                      (double) 0.7))));
      recorder.finished(false);
      byte[] epoch2 = reader.next();
      assertEquals(2, Event.parseFrom(epoch2).getStep());
      HParamsPluginData end =
          EventFiles.hparams(Event.parseFrom(reader.next()), "_hparams_/session_end_info");
      assertEquals(Status.STATUS_FAILURE, end.getSessionEndInfo().getStatus());
      assertNull(reader.next());
    }
  }

  @Test
  void rewritesTheWholeObjectOnGcs() throws Exception {
    Storage storage = LocalStorageHelper.customOptions(false).getService();
    StepClock clock = new StepClock();
    TensorBoardRecorder recorder =
        TensorBoardRecorder.open("gs://tb-bucket/study/tensorboard/t1", () -> storage, clock, "vm");
    String object = "study/tensorboard/t1/events.out.tfevents.1767323045.vm";
    assertEquals("gs://tb-bucket/" + object, recorder.location());

    recorder.started(
        Map.of("optimizer", Value.newBuilder().setStringValue("adam").build()),
        "gs://tb-bucket/m",
        "t1");
    assertEquals(2, EventFiles.read(storage.readAllBytes(BlobId.of("tb-bucket", object))).size());
    recorder.epochFinished(
        new EpochRecord(
            1,
            3.0,
            0.5,
            new java.util.TreeMap<>(
                Map.of(
                    EpochRecord.TRAIN_LOSS,
                    (double) 0.9,
                    EpochRecord.TRAIN_ACCURACY,
                    (double) 0.7,
                    EpochRecord.TEST_ACCURACY,
                    (double) 0.72))));
    recorder.finished(true);

    List<Event> events = EventFiles.read(storage.readAllBytes(BlobId.of("tb-bucket", object)));
    assertEquals(4, events.size());
    assertEquals("brain.Event:2", events.get(0).getFileVersion());
    assertEquals(
        "adam",
        EventFiles.hparams(events.get(1), "_hparams_/session_start_info")
            .getSessionStartInfo()
            .getHparamsOrThrow("optimizer")
            .getStringValue());
    assertEquals(0.72f, EventFiles.scalars(events.get(2)).get("test/accuracy"));
    assertEquals(
        Status.STATUS_SUCCESS,
        EventFiles.hparams(events.get(3), "_hparams_/session_end_info")
            .getSessionEndInfo()
            .getStatus());
  }

  @Test
  void theListenerRecordsOnlyModelsWithADirectoryAndEndsStartedSessions() throws Exception {
    TrainingConfig config = TrainingConfig.builder().epochs(1).build();
    Path dir = tmp.resolve("only-b");
    List<MemberRun> members =
        List.of(
            new MemberRun("a", config, null, null, null, MemberRun.DEFAULT_METRIC_ID),
            new MemberRun("b", config, null, null, dir.toString(), MemberRun.DEFAULT_METRIC_ID));
    TensorBoardListener listener =
        TensorBoardListener.open(members, 100, 50, () -> null, new StepClock(), "h");
    assertNull(listener.location(0));
    listener.started(0, config, "cpu()");
    listener.started(1, config, "cpu()");
    listener.epochFinished(
        0,
        config,
        new EpochRecord(
            1,
            1,
            0.5,
            new java.util.TreeMap<>(
                Map.of(
                    EpochRecord.TRAIN_LOSS,
                    (double) 1,
                    EpochRecord.TRAIN_ACCURACY,
                    (double) 0.5,
                    EpochRecord.TEST_ACCURACY,
                    (double) 0.5))));
    listener.finished(false);

    List<Event> events = EventFiles.read(EventFiles.single(dir));
    assertEquals(3, events.size());
    assertEquals(
        "b",
        EventFiles.hparams(events.get(1), "_hparams_/session_start_info")
            .getSessionStartInfo()
            .getGroupName());
    assertEquals(
        100,
        EventFiles.hparams(events.get(1), "_hparams_/session_start_info")
            .getSessionStartInfo()
            .getHparamsOrThrow("train_samples")
            .getNumberValue());
    assertEquals(
        Status.STATUS_FAILURE,
        EventFiles.hparams(events.get(2), "_hparams_/session_end_info")
            .getSessionEndInfo()
            .getStatus());
    assertFalse(Files.exists(tmp.resolve("a")));
    assertTrue(Files.isDirectory(dir));
  }

  private static int countRecords(TfRecordReader reader) throws Exception {
    int n = 0;
    while (reader.next() != null) {
      n++;
    }
    return n;
  }
}
