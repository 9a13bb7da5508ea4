package dev.tunebeam.trainer.report.tensorboard;

import com.google.cloud.storage.Storage;
import com.google.protobuf.Value;
import dev.tunebeam.trainer.report.tensorboard.proto.hparams.Status;
import dev.tunebeam.trainer.train.EpochMetrics;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Records one model's training as a TensorBoard run: the HParams session start, four scalars per
 * epoch (step = epoch) and the session end. The session's metric in the HParams table is the
 * last value of a scalar tag, so {@code test/accuracy} shows the final test accuracy.
 */
public final class TensorBoardRecorder {
  public static final String TRAIN_LOSS = "train/loss";
  public static final String TRAIN_ACCURACY = "train/accuracy";
  public static final String TEST_ACCURACY = "test/accuracy";
  public static final String EPOCH_SECONDS = "epoch/seconds";

  private final EventFile file;
  private final Clock clock;
  private long lastStep;

  public TensorBoardRecorder(EventFile file, Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  /** A new event file in {@code directory} (local or {@code gs://}), named for now and this host. */
  public static TensorBoardRecorder open(String directory, Supplier<Storage> storage, Clock clock, String host) {
    return new TensorBoardRecorder(EventFile.open(directory, EventFileName.of(clock.instant(), host), storage), clock);
  }

  public String location() {
    return file.location();
  }

  /** Starts the file and the HParams session; {@code trialId} groups reruns of one trial. */
  public void started(Map<String, Value> hparams, String modelUri, String trialId) throws IOException {
    double now = now();
    file.append(ScalarSummaries.fileVersion(now), HParamsSummaries.sessionStart(now, hparams, modelUri, trialId));
  }

  public void epochFinished(EpochMetrics m) throws IOException {
    Map<String, Double> scalars = new LinkedHashMap<>();
    scalars.put(TRAIN_LOSS, m.trainLoss());
    scalars.put(TRAIN_ACCURACY, m.trainAccuracy());
    scalars.put(TEST_ACCURACY, m.testAccuracy());
    scalars.put(EPOCH_SECONDS, m.seconds());
    lastStep = m.epoch();
    file.append(ScalarSummaries.scalars(now(), m.epoch(), scalars));
  }

  /** Ends the session at the last epoch recorded. */
  public void finished(boolean succeeded) throws IOException {
    file.append(HParamsSummaries.sessionEnd(now(), lastStep, succeeded ? Status.STATUS_SUCCESS : Status.STATUS_FAILURE));
  }

  private double now() {
    return clock.millis() / 1000.0;
  }
}
