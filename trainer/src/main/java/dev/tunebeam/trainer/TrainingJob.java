package dev.tunebeam.trainer;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import com.google.cloud.storage.Storage;
import dev.tunebeam.trainer.cli.UsageException;
import dev.tunebeam.trainer.data.DataLocator;
import dev.tunebeam.trainer.data.FashionMnistData;
import dev.tunebeam.trainer.data.FashionMnistLoader;
import dev.tunebeam.trainer.report.ArtifactStore;
import dev.tunebeam.trainer.report.ComputeSettings;
import dev.tunebeam.trainer.report.HypertuneReporter;
import dev.tunebeam.trainer.report.MetricsJson;
import dev.tunebeam.trainer.report.MetricsReport;
import dev.tunebeam.trainer.report.ModelFile;
import dev.tunebeam.trainer.report.Versions;
import dev.tunebeam.trainer.report.tensorboard.EventFileName;
import dev.tunebeam.trainer.report.tensorboard.TensorBoardListener;
import dev.tunebeam.trainer.train.ConsoleProgress;
import dev.tunebeam.trainer.train.DeviceData;
import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.trainer.train.FusedTrainer;
import dev.tunebeam.trainer.train.MemberRun;
import dev.tunebeam.trainer.train.ProgressListener;
import dev.tunebeam.trainer.train.TrainingCheckpoint;
import dev.tunebeam.trainer.train.TrainingConfig;
import dev.tunebeam.trainer.train.TrainingOutcome;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Trains one model or one fused group end to end: checks the input, loads the data, trains, and
 * writes each model's {@code metrics.json} and {@code model.npz}, and its TensorBoard events where
 * it has a {@code tensorboardDir}. What {@link TrainerMain} and an in-process pipeline worker both
 * run.
 */
public final class TrainingJob {
  private final DataLocator locator;
  private final Supplier<Storage> storage;
  private final PrintStream out;
  private final Map<String, String> env;
  private final boolean progressLines;

  public TrainingJob(DataLocator locator, Supplier<Storage> storage, PrintStream out, Map<String, String> env) {
    this(locator, storage, out, env, false);
  }

  private TrainingJob(DataLocator locator, Supplier<Storage> storage, PrintStream out, Map<String, String> env, boolean progressLines) {
    this.locator = locator;
    this.storage = storage;
    this.out = out;
    this.env = env;
    this.progressLines = progressLines;
  }

  /** Also print a machine-readable {@code @progress {json}} line per model and epoch (for a pipeline worker's parent). */
  public TrainingJob withProgressLines() {
    return new TrainingJob(locator, storage, out, env, true);
  }

  /** Trains the members, all sharing one fusion key; usage errors are {@link UsageException}s. */
  public List<MetricsReport> run(List<MemberRun> members, int threads) throws IOException {
    TrainingConfig first = members.get(0).config();
    asUsage(() -> {
      FusedTrainer.checkFusable(members.stream().map(MemberRun::config).toList());
      return null;
    });
    for (MemberRun m : members) {
      checkWritable("--model-dir", m.modelDir());
      checkWritable("--checkpoint-dir", m.checkpointDir());
      checkWritable("--tensorboard-dir", m.tensorboardDir());
    }
    asUsage(() -> {
      TrainerPreflight.check(members, env, storage);
      return null;
    });
    Engine engine = Engine.getEngine("PyTorch");
    if (threads > 0) {
      JniUtils.setNumThreads(threads);
    }
    Device device = asUsage(() -> first.device().resolve(engine));
    FashionMnistData data = asUsage(() -> FashionMnistLoader.load(locator.locate(first.dataDir()), first.trainSamples(),
        first.validationSamples(), first.validationSeed(), first.testSamples()));
    asUsage(() -> {
      FusedTrainer.checkBatchFits(first.batchSize(), data.train().count());
      return null;
    });
    List<TrainingCheckpoint> checkpoints = asUsage(() -> Checkpoints.read(members, storage));
    for (int i = 0; i < members.size(); i++) {
      if (checkpoints.get(i) != null) {
        out.printf("Continuing from the checkpoint at epoch %d in %s%n", checkpoints.get(i).epoch(), members.get(i).checkpointDir());
      }
    }
    HypertuneReporter hypertune = members.size() == 1 ? HypertuneReporter.fromEnvironment(env) : null;
    TensorBoardListener tensorBoard = TensorBoardListener.open(
        members, data.train().count(), data.test().count(), storage, Clock.systemUTC(), EventFileName.localHost(env));
    Listener listener = new Listener(members, hypertune, tensorBoard);
    printHeader(members, listener.console, engine, device, data);
    List<TrainingOutcome> outcomes;
    try (NDManager manager = NDManager.newBaseManager(device, engine.getEngineName());
        DeviceData train = DeviceData.of(data.train(), manager, first.normalize());
        DeviceData validation = data.validation() == null ? null : DeviceData.of(data.validation(), manager, first.normalize());
        DeviceData test = DeviceData.of(data.test(), manager, first.normalize())) {
      try {
        outcomes = new FusedTrainer(manager, train, validation, test, listener)
            .train(members.stream().map(MemberRun::config).toList(), checkpoints);
      } catch (RuntimeException | Error e) {
        endTensorBoardSessions(tensorBoard, e);
        throw e;
      }
      tensorBoard.finished(true);
      List<MetricsReport> reports = new ArrayList<>();
      MetricsReport.Dataset dataset = MetricsReport.Dataset.of(data);
      for (int i = 0; i < members.size(); i++) {
        MemberRun member = members.get(i);
        TrainingOutcome outcome = outcomes.get(i);
        MetricsReport report = MetricsReport.of(member.trialId(), outcome, dataset, Versions.all(engine), ComputeSettings.current());
        if (member.modelDir() != null) {
          ArtifactStore store = ArtifactStore.open(member.modelDir(), storage);
          store.write(ModelFile.FILE_NAME, ModelFile.encode(outcome.parameters(), manager));
          store.write(MetricsJson.FILE_NAME, MetricsJson.write(report));
        }
        reports.add(report);
        out.printf(Locale.ROOT, "%sFinal test accuracy: %.3f%n", listener.console.prefix(i), outcome.finalMetric(EpochRecord.TEST_ACCURACY));
        if (member.modelDir() != null) {
          out.printf("%sModel and metrics.json written to %s%n", listener.console.prefix(i), member.modelDir());
        }
        if (tensorBoard.location(i) != null) {
          out.printf("%sTensorBoard events written to %s%n", listener.console.prefix(i), tensorBoard.location(i));
        }
      }
      return reports;
    }
  }

  /** Marks the sessions failed, so TensorBoard does not show them as running forever; the training's error wins. */
  private static void endTensorBoardSessions(TensorBoardListener tensorBoard, Throwable failure) {
    try {
      tensorBoard.finished(false);
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  /** A step at the input boundary, which may read files. */
  @FunctionalInterface
  private interface BoundaryStep<T> {
    T run() throws IOException;
  }

  /** Runs a step at the input boundary: its IllegalArgumentException is a usage error (exit 2). */
  private static <T> T asUsage(BoundaryStep<T> step) throws IOException {
    try {
      return step.run();
    } catch (UsageException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** Bad output locations fail before any training, and without leaving anything behind. */
  private void checkWritable(String flag, String dir) throws IOException {
    if (dir == null) {
      return;
    }
    asUsage(() -> {
      ArtifactStore.open(dir, storage).checkWritable(flag);
      return null;
    });
  }

  private void printHeader(List<MemberRun> members, ConsoleProgress console, Engine engine, Device device, FashionMnistData data) {
    for (int i = 0; i < members.size(); i++) {
      TrainingConfig c = members.get(i).config();
      out.printf(Locale.ROOT, "%sHyperparameters: activation=%s optimizer=%s learning_rate=%s batch_size=%d num_epochs=%d pooling=%s "
          + "init=%s normalize=%s seed=%d%n", console.prefix(i), c.activation().flagValue(), c.optimizer().flagValue(), c.learningRate(),
          c.batchSize(), c.epochs(), c.pooling().flagValue(), c.init().flagValue(), c.normalize().flagValue(), c.seed());
    }
    out.println("CUDA available: " + (engine.getGpuCount() > 0));
    out.println("Device: " + device + (members.size() > 1 ? " (" + members.size() + " models fused)" : ""));
    if (device.isGpu()) {
      out.println(GpuInfo.describe(device));
    }
    out.printf("Data: %s (%d training, %d validation, %d test images)%n", data.location(), data.train().count(),
        data.validation() == null ? 0 : data.validation().count(), data.test().count());
    out.flush();
  }

  /** Prints epochs, reports hypertune metrics, records TensorBoard events and writes checkpoints. */
  private final class Listener implements ProgressListener {
    private final List<MemberRun> members;
    private final HypertuneReporter hypertune;
    private final TensorBoardListener tensorBoard;
    private final ConsoleProgress console;

    Listener(List<MemberRun> members, HypertuneReporter hypertune, TensorBoardListener tensorBoard) {
      this.members = members;
      this.hypertune = hypertune;
      this.tensorBoard = tensorBoard;
      this.console = new ConsoleProgress(out, members, progressLines);
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
          hypertune.report(members.get(member).metricId(), metrics.metric(members.get(member).metricId()), metrics.epoch());
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write the hypertune metric file " + hypertune.file(), e);
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
}
