package dev.tunebeam.trainer;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.trainer.train.ConsoleProgress;
import dev.tunebeam.trainer.train.MemberRun;
import dev.tunebeam.trainer.train.TrainingCheckpoint;
import dev.tunebeam.trainer.train.TrainingConfig;
import dev.tunebeam.trainer.train.TrainingOutcome;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Every line a training job prints around the epochs (which {@link ConsoleProgress} prints): where
 * it continues from, the hyperparameters, device and data, and each model's result and files. A
 * fused group's lines carry each trial's prefix.
 */
final class JobConsole {
  private final PrintStream out;
  private final List<MemberRun> members;
  private final ConsoleProgress progress;

  JobConsole(PrintStream out, List<MemberRun> members, boolean progressLines, int trainImages) {
    this.out = out;
    this.members = members;
    this.progress = new ConsoleProgress(out, members, progressLines, trainImages);
  }

  ConsoleProgress progress() {
    return progress;
  }

  void continuing(List<TrainingCheckpoint> checkpoints) {
    for (int i = 0; i < members.size(); i++) {
      if (checkpoints.get(i) != null) {
        out.printf(
            "Continuing from the checkpoint at epoch %d in %s%n",
            checkpoints.get(i).epoch(), members.get(i).checkpointDir());
      }
    }
  }

  void header(JobInputs in) {
    for (int i = 0; i < members.size(); i++) {
      TrainingConfig c = members.get(i).config();
      out.printf(
          Locale.ROOT,
          "%sHyperparameters: activation=%s optimizer=%s learning_rate=%s batch_size=%d num_epochs=%d pooling=%s "
              + "init=%s normalize=%s seed=%d%n",
          progress.prefix(i),
          c.activation().flagValue(),
          c.optimizer().flagValue(),
          c.learningRate(),
          c.batchSize(),
          c.epochs(),
          c.pooling().flagValue(),
          c.init().flagValue(),
          c.normalize().flagValue(),
          c.seed());
    }
    out.println("CUDA available: " + (in.engine().getGpuCount() > 0));
    out.println(
        "Device: "
            + in.device()
            + (members.size() > 1 ? " (" + members.size() + " models fused)" : ""));
    if (in.device().isGpu()) {
      out.println(GpuInfo.describe(in.device()));
    }
    out.printf(
        "Data: %s (%d training, %d validation, %d test images)%n",
        in.data().location(),
        in.data().train().count(),
        in.data().validation() == null ? 0 : in.data().validation().count(),
        in.data().test().count());
    out.flush();
  }

  /** {@code tensorBoard}: the member's event file, null where it writes none. */
  void finished(int i, TrainingOutcome outcome, String tensorBoard) {
    out.printf(
        Locale.ROOT,
        "%sFinal test accuracy: %.3f%n",
        progress.prefix(i),
        outcome.finalMetric(EpochRecord.TEST_ACCURACY));
    if (members.get(i).modelDir() != null) {
      out.printf(
          "%sModel and metrics.json written to %s%n",
          progress.prefix(i), members.get(i).modelDir());
    }
    if (tensorBoard != null) {
      out.printf("%sTensorBoard events written to %s%n", progress.prefix(i), tensorBoard);
    }
  }
}
