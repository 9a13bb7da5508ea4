package dev.tunebeam.trainer;

import com.google.cloud.storage.Storage;
import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.trainer.report.HypertuneReporter;
import dev.tunebeam.trainer.report.tensorboard.TensorBoardListener;
import dev.tunebeam.trainer.train.ConsoleProgress;
import dev.tunebeam.trainer.train.MemberRun;
import dev.tunebeam.trainer.train.ProgressListener;
import dev.tunebeam.trainer.train.TrainingCheckpoint;
import dev.tunebeam.trainer.train.TrainingConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a training job does as it trains: prints epochs, reports hypertune metrics, records
 * TensorBoard events and writes checkpoints.
 */
final class JobListener implements ProgressListener {
  private final List<MemberRun> members;
  private final ConsoleProgress console;
  private final HypertuneReporter hypertune;
  private final TensorBoardListener tensorBoard;
  private final Supplier<Storage> storage;

  /** {@code hypertune}: null unless one model trains (the hypertune file is one trial's). */
  JobListener(
      List<MemberRun> members,
      ConsoleProgress console,
      HypertuneReporter hypertune,
      TensorBoardListener tensorBoard,
      Supplier<Storage> storage) {
    this.members = members;
    this.console = console;
    this.hypertune = hypertune;
    this.tensorBoard = tensorBoard;
    this.storage = storage;
  }

  @Override
  public void started(int member, TrainingConfig config, String device) {
    tensorBoard.started(member, config, device);
  }

  @Override
  public void epochFinished(int member, TrainingConfig config, EpochRecord metrics) {
    console.epochFinished(member, config, metrics);
    tensorBoard.epochFinished(member, config, metrics);
    if (hypertune != null) {
      try {
        Map<String, Double> reported = new LinkedHashMap<>();
        members.get(member).metricIds().forEach(id -> reported.put(id, metrics.metric(id)));
        hypertune.report(reported, metrics.epoch());
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot write the hypertune metric file " + hypertune.file(), e);
      }
    }
  }

  @Override
  public boolean wantsCheckpoints() {
    return members.stream().anyMatch(m -> m.checkpointDir() != null);
  }

  @Override
  public void checkpoint(int member, TrainingCheckpoint checkpoint) {
    Checkpoints.write(members.get(member).checkpointDir(), checkpoint, storage);
  }
}
