package dev.tunebeam.trainer.report.tensorboard;

import com.google.cloud.storage.Storage;
import com.google.protobuf.Value;
import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.trainer.report.tensorboard.proto.hparams.Status;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Records one model's training as a TensorBoard run: the HParams session start, a scalar per metric
 * and epoch (step = epoch) and the session end. The session's metric in the HParams table is the
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

  /**
   * A new event file in {@code directory} (local or {@code gs://}), named for now and this host.
   */
  public static TensorBoardRecorder open(
      String directory, Supplier<Storage> storage, Clock clock, String host) {
    return new TensorBoardRecorder(
        EventFile.open(directory, EventFileName.of(clock.instant(), host), storage), clock);
  }

  public String location() {
    return file.location();
  }

  /** Starts the file and the HParams session; {@code trialId} groups reruns of one trial. */
  public void started(Map<String, Value> hparams, String modelUri, String trialId)
      throws IOException {
    double now = now();
    file.append(
        ScalarSummaries.fileVersion(now),
        HParamsSummaries.sessionStart(now, hparams, modelUri, trialId));
  }

  /**
   * One scalar per reported metric ({@code val_accuracy} is drawn as {@code val/accuracy}) and the
   * epoch's seconds.
   */
  public void epochFinished(EpochRecord m) throws IOException {
    Map<String, Double> scalars = new LinkedHashMap<>();
    for (String tag : EpochRecord.BUILT_IN_TAGS) {
      if (m.has(tag)) {
        scalars.put(scalarTag(tag), m.metric(tag));
      }
    }
    m.metrics().forEach((tag, value) -> scalars.putIfAbsent(scalarTag(tag), value));
    scalars.put(EPOCH_SECONDS, m.seconds());
    lastStep = m.epoch();
    file.append(ScalarSummaries.scalars(now(), m.epoch(), scalars));
  }

  /**
   * A metric tag as a TensorBoard scalar tag: the first underscore becomes a slash, grouping
   * train/val/test.
   */
  public static String scalarTag(String metric) {
    return metric.replaceFirst("_", "/");
  }

  /** Ends the session at the last epoch recorded. */
  public void finished(boolean succeeded) throws IOException {
    file.append(
        HParamsSummaries.sessionEnd(
            now(), lastStep, succeeded ? Status.STATUS_SUCCESS : Status.STATUS_FAILURE));
  }

  private double now() {
    return clock.millis() / 1000.0;
  }
}
