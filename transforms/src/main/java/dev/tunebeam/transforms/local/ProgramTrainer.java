package dev.tunebeam.transforms.local;

import dev.tunebeam.trainer.contract.ContractEnvironment;
import dev.tunebeam.trainer.contract.TrainableMain;
import dev.tunebeam.trainer.contract.TrialContract;
import dev.tunebeam.trainer.report.StepMetrics;
import dev.tunebeam.trainer.report.WorkerOutcome;
import dev.tunebeam.trainer.train.ConsoleProgress;
import dev.tunebeam.transforms.exec.Lane;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs contract trials (a command, or a Java trainable in its own JVM) one process per trial, as
 * many at once as there are worker slots: the trial's parameters as flags, the contract's
 * environment, the run's timeout; then reads how it ended ({@link ProgramOutcomes}), saves its log
 * and outcome in the trial's folder and turns what it reported into a result.
 */
final class ProgramTrainer {
  private static final long POLL_MILLIS = 500;
  private static final ExecutorService RUNNERS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "tunebeam-trainer-process");
            t.setDaemon(true);
            return t;
          });

  private final LocalSettings settings;
  private final WorkerSlots.Slots slots;
  private final Lane lane;

  /** {@code lane} gets the trainer's output and a progress line per reported step. */
  ProgramTrainer(LocalSettings settings, Lane lane) {
    this.settings = settings;
    this.slots = WorkerSlots.forRun(settings);
    this.lane = lane;
  }

  /** Waits for this machine's cores, then runs the trial's process. */
  TrialResult train(Trial trial) throws InterruptedException {
    slots.acquire(1);
    try {
      long started = System.nanoTime();
      String dir = TrialArtifacts.trialDirectory(settings.outputDirectory(), trial.id());
      WorkerOutcome outcome;
      double seconds;
      try (TrialLog trialLog = new TrialLog()) {
        outcome = run(trial, dir, trialLog, started);
        trialLog.saveTo(dir);
        seconds = (System.nanoTime() - started) / 1e9;
        // What was asked for is recorded beside the outcome: a rerun reuses it by that, not by the
        // step numbers the trainer chose, and keeps its seconds.
        ProgramArtifacts.writeOutcome(
            dir, outcome, new ProgramArtifacts.Run(ContractResults.plannedSteps(trial), seconds));
      } catch (IOException e) {
        outcome =
            WorkerOutcome.failed(
                1, "cannot run the trainer for trial " + trial.id() + ": " + e.getMessage());
        seconds = (System.nanoTime() - started) / 1e9;
      }
      return ContractResults.toResult(trial, outcome, settings.device().flagValue(), seconds, dir);
    } finally {
      slots.release(1);
    }
  }

  private WorkerOutcome run(Trial trial, String dir, TrialLog trialLog, long started)
      throws IOException, InterruptedException {
    Path scratch = TrialTempFiles.scratch();
    try {
      Path metricFile = scratch.resolve("output.metrics");
      Path outcomeFile = scratch.resolve("outcome.json");
      TrialContract contract =
          new TrialContract(
              trial.id(),
              dir,
              TrialArtifacts.checkpointDirectory(
                  settings.outputDirectory(), settings.checkpointKey().apply(trial)),
              TrialArtifacts.tensorboardDirectory(settings.outputDirectory(), trial),
              metricFile.toString());
      TrialProgram program = settings.program();
      List<String> argv =
          new ArrayList<>(program.trainable() != null ? javaWorker() : program.command());
      argv.addAll(TrialContract.flags(trial.parameters()));
      Map<String, String> env = new LinkedHashMap<>(program.environment());
      env.putAll(contract.environment());
      env.put(ContractEnvironment.DEVICE, settings.device().flagValue());
      if (program.trainable() != null) {
        env.put(ContractEnvironment.TRAINABLE_FILE, serialize(program, scratch).toString());
        env.put(ContractEnvironment.OUTCOME_FILE, outcomeFile.toString());
      }
      WorkerProcess.Exit exit;
      Progress progress = new Progress(trial, started);
      try {
        exit = runWatched(argv, env, trialLog, new MetricWatch(metricFile, progress::step));
      } catch (IOException e) {
        return ProgramOutcomes.notStarted(argv.get(0), e);
      }
      progress.finish(trialLog);
      Optional<WorkerOutcome> told =
          program.trainable() != null ? WorkerOutcome.read(outcomeFile) : Optional.empty();
      return ProgramOutcomes.interpret(
          exit, told, metricFile, trialLog, settings.timeoutSeconds(), dir);
    } finally {
      TrialTempFiles.delete(scratch);
    }
  }

  /**
   * Runs the process on a helper thread while this thread (the DoFn's, which may update counters)
   * polls the metric file for progress.
   */
  private WorkerProcess.Exit runWatched(
      List<String> argv, Map<String, String> env, TrialLog trialLog, MetricWatch watch)
      throws IOException, InterruptedException {
    Future<WorkerProcess.Exit> running =
        RUNNERS.submit(
            () ->
                WorkerProcess.exec(
                    argv,
                    env,
                    settings.timeoutSeconds(),
                    line -> {
                      trialLog.accept(line);
                      if (!line.startsWith(ConsoleProgress.PROGRESS_PREFIX)) {
                        lane.line(line);
                      }
                    }));
    try {
      while (true) {
        try {
          return running.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          watch.poll();
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(e.getCause());
    } finally {
      running.cancel(true);
      watch.finish();
    }
  }

  private List<String> javaWorker() {
    List<String> command =
        WorkerProcess.javaCommand(settings.workerHeap(), settings.workerJvmOptions());
    command.add(TrainableMain.class.getName());
    return command;
  }

  private static Path serialize(TrialProgram program, Path scratch) throws IOException {
    Path file = scratch.resolve("trainable.ser");
    try (OutputStream out = Files.newOutputStream(file);
        ObjectOutputStream objects = new ObjectOutputStream(out)) {
      objects.writeObject(program.trainable());
    }
    return file;
  }

  /**
   * Turns each newly reported step into the progress line the built-in trainer's workers print. A
   * trainer may report far more steps than its epochs (a line per batch: 237,177 in one metric
   * file): each of its first {@code num_epochs} steps gets a line, later ones one line per {@link
   * #QUIET_SECONDS} at most, and the last step one at the end; the trial's log says how many were
   * not shown.
   */
  private final class Progress {
    static final long QUIET_SECONDS = 10;

    private final Trial trial;
    private final int planned;
    private double last;
    private long shown;
    private long withheld;
    private StepMetrics held;
    private double heldSeconds;
    private long lastShownNanos;

    Progress(Trial trial, long started) {
      this.trial = trial;
      this.planned = ContractResults.plannedSteps(trial);
      this.last = System.currentTimeMillis() / 1000.0 - (System.nanoTime() - started) / 1e9;
    }

    /**
     * Seconds from the previous step's report to this one's, by the trainer's own timestamps where
     * it wrote them.
     */
    void step(StepMetrics s) {
      double now =
          Double.isFinite(s.timestamp()) ? s.timestamp() : System.currentTimeMillis() / 1000.0;
      double seconds = Math.max(0, now - last);
      last = now;
      long nanos = System.nanoTime();
      if (held != null) {
        withheld++; // superseded by this step, shown or held in its place
        held = null;
      }
      if (shown < planned || nanos - lastShownNanos >= QUIET_SECONDS * 1_000_000_000L) {
        show(s, seconds, nanos);
      } else {
        held = s;
        heldSeconds = seconds;
      }
    }

    /** Shows the last step if it was held back, and notes in the log how many were not shown. */
    void finish(TrialLog log) {
      if (held != null) {
        show(held, heldSeconds, System.nanoTime());
      }
      if (withheld > 0) {
        log.accept(
            String.format(
                Locale.ROOT,
                "[tunebeam: the trainer reported %,d steps for %,d planned epochs; %,d progress"
                    + " lines shown, the rest not (at most one per %d s past the planned epochs)]",
                shown + withheld,
                planned,
                shown,
                QUIET_SECONDS));
      }
    }

    private void show(StepMetrics s, double seconds, long nanos) {
      shown++;
      held = null;
      lastShownNanos = nanos;
      // The same line the built-in trainer's workers print (ConsoleProgress), every reported tag
      // included.
      StringBuilder metrics = new StringBuilder();
      s.metrics()
          .forEach(
              (tag, v) ->
                  metrics
                      .append(",\"")
                      .append(tag)
                      .append("\":")
                      .append(Double.isFinite(v) ? String.valueOf(v) : "null"));
      lane.line(
          String.format(
              Locale.ROOT,
              "%s{\"trial\":\"%s\",\"epoch\":%d,\"epochs\":%d%s,\"seconds\":%.3f}",
              ConsoleProgress.PROGRESS_PREFIX,
              trial.id(),
              s.step(),
              planned,
              metrics,
              seconds));
    }
  }
}
