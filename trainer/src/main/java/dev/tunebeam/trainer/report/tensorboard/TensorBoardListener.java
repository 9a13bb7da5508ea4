package dev.tunebeam.trainer.report.tensorboard;

import com.google.cloud.storage.Storage;
import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.trainer.train.MemberRun;
import dev.tunebeam.trainer.train.ProgressListener;
import dev.tunebeam.trainer.train.TrainingConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Feeds a training's progress to a {@link TensorBoardRecorder} for every model that has a {@code
 * tensorboardDir}; models without one are left alone.
 */
public final class TensorBoardListener implements ProgressListener {
  private final List<MemberRun> members;
  private final List<TensorBoardRecorder> recorders;
  private final boolean[] started;
  private final int trainSamples;
  private final int testSamples;

  private TensorBoardListener(
      List<MemberRun> members,
      List<TensorBoardRecorder> recorders,
      int trainSamples,
      int testSamples) {
    this.members = members;
    this.recorders = recorders;
    this.started = new boolean[members.size()];
    this.trainSamples = trainSamples;
    this.testSamples = testSamples;
  }

  /**
   * {@code trainSamples} and {@code testSamples}: the counts loaded, recorded as hyperparameters.
   */
  public static TensorBoardListener open(
      List<MemberRun> members,
      int trainSamples,
      int testSamples,
      Supplier<Storage> storage,
      Clock clock,
      String host) {
    List<TensorBoardRecorder> recorders = new ArrayList<>();
    for (MemberRun m : members) {
      recorders.add(
          m.tensorboardDir() == null
              ? null
              : TensorBoardRecorder.open(m.tensorboardDir(), storage, clock, host));
    }
    return new TensorBoardListener(members, recorders, trainSamples, testSamples);
  }

  /** The event file of each model, null where it writes none. */
  public String location(int member) {
    TensorBoardRecorder r = recorders.get(member);
    return r == null ? null : r.location();
  }

  @Override
  public void started(int member, TrainingConfig config, String device) {
    TensorBoardRecorder r = recorders.get(member);
    if (r == null) {
      return;
    }
    MemberRun m = members.get(member);
    try {
      r.started(TrainingHParams.of(config, trainSamples, testSamples), m.modelDir(), m.trialId());
      started[member] = true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write TensorBoard events to " + r.location(), e);
    }
  }

  @Override
  public void epochFinished(int member, TrainingConfig config, EpochRecord metrics) {
    TensorBoardRecorder r = recorders.get(member);
    if (r == null) {
      return;
    }
    try {
      r.epochFinished(metrics);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write TensorBoard events to " + r.location(), e);
    }
  }

  /** Ends every session that started, as succeeded or failed; tries them all before it throws. */
  public void finished(boolean succeeded) throws IOException {
    IOException first = null;
    for (int i = 0; i < recorders.size(); i++) {
      if (!started[i]) {
        continue;
      }
      try {
        recorders.get(i).finished(succeeded);
      } catch (IOException e) {
        if (first == null) {
          first =
              new IOException(
                  "cannot end the TensorBoard session in " + recorders.get(i).location(), e);
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
