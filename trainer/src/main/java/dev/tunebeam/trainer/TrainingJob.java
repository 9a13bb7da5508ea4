package dev.tunebeam.trainer;

import ai.djl.ndarray.NDManager;
import com.google.cloud.storage.Storage;
import dev.tunebeam.trainer.cli.UsageException;
import dev.tunebeam.trainer.data.DataLocator;
import dev.tunebeam.trainer.data.FashionMnistData;
import dev.tunebeam.trainer.data.Normalize;
import dev.tunebeam.trainer.report.HypertuneReporter;
import dev.tunebeam.trainer.report.MetricsReport;
import dev.tunebeam.trainer.report.tensorboard.EventFileName;
import dev.tunebeam.trainer.report.tensorboard.TensorBoardListener;
import dev.tunebeam.trainer.train.DeviceData;
import dev.tunebeam.trainer.train.FusedTrainer;
import dev.tunebeam.trainer.train.MemberRun;
import dev.tunebeam.trainer.train.TrainingOutcome;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Trains one model or one fused group end to end: checks the input, loads the data, trains, and
 * writes each model's {@code metrics.json} and {@code model.npz}, and its TensorBoard events where
 * it has a {@code tensorboardDir}. What {@link TrainerMain} and an in-process pipeline worker both
 * run. Each step is its own class, in the order {@link #run} takes them: {@link JobChecks}, {@link
 * JobInputs}, {@link JobConsole}, {@link JobListener} (while training), {@link JobOutputs}.
 */
public final class TrainingJob {
  private final DataLocator locator;
  private final Supplier<Storage> storage;
  private final PrintStream out;
  private final Map<String, String> env;
  private final boolean progressLines;

  public TrainingJob(
      DataLocator locator, Supplier<Storage> storage, PrintStream out, Map<String, String> env) {
    this(locator, storage, out, env, false);
  }

  private TrainingJob(
      DataLocator locator,
      Supplier<Storage> storage,
      PrintStream out,
      Map<String, String> env,
      boolean progressLines) {
    this.locator = locator;
    this.storage = storage;
    this.out = out;
    this.env = env;
    this.progressLines = progressLines;
  }

  /**
   * Also print a machine-readable {@code @progress {json}} line per model and epoch (for a pipeline
   * worker's parent).
   */
  public TrainingJob withProgressLines() {
    return new TrainingJob(locator, storage, out, env, true);
  }

  /** Trains the members, all sharing one fusion key; usage errors are {@link UsageException}s. */
  public List<MetricsReport> run(List<MemberRun> members, int threads) throws IOException {
    JobChecks.beforeTraining(members, env, storage);
    JobInputs in = JobInputs.prepare(members, threads, locator, storage);
    JobConsole console = new JobConsole(out, members, progressLines, in.data().train().count());
    console.continuing(in.checkpoints());
    HypertuneReporter hypertune =
        members.size() == 1 ? HypertuneReporter.fromEnvironment(env) : null;
    TensorBoardListener tensorBoard =
        TensorBoardListener.open(
            members,
            in.data().train().count(),
            in.data().test().count(),
            storage,
            Clock.systemUTC(),
            EventFileName.localHost(env));
    JobListener listener =
        new JobListener(members, console.progress(), hypertune, tensorBoard, storage);
    console.header(in);
    Normalize normalize = members.get(0).config().normalize();
    FashionMnistData data = in.data();
    try (NDManager manager = NDManager.newBaseManager(in.device(), in.engine().getEngineName());
        DeviceData train = DeviceData.of(data.train(), manager, normalize);
        DeviceData validation =
            data.validation() == null
                ? null
                : DeviceData.of(data.validation(), manager, normalize);
        DeviceData test = DeviceData.of(data.test(), manager, normalize)) {
      List<TrainingOutcome> outcomes;
      try {
        outcomes =
            new FusedTrainer(manager, train, validation, test, listener)
                .train(members.stream().map(MemberRun::config).toList(), in.checkpoints());
      } catch (RuntimeException | Error e) {
        endTensorBoardSessions(tensorBoard, e);
        throw e;
      }
      tensorBoard.finished(true);
      JobOutputs outputs = new JobOutputs(data, in.engine(), manager, storage);
      List<MetricsReport> reports = new ArrayList<>();
      for (int i = 0; i < members.size(); i++) {
        reports.add(outputs.write(members.get(i), outcomes.get(i)));
        console.finished(i, outcomes.get(i), tensorBoard.location(i));
      }
      return reports;
    }
  }

  /**
   * Marks the sessions failed, so TensorBoard does not show them as running forever; the training's
   * error wins.
   */
  private static void endTensorBoardSessions(TensorBoardListener tensorBoard, Throwable failure) {
    try {
      tensorBoard.finished(false);
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }
}
