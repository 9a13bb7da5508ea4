package dev.tunebeam.transforms.local;

import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import dev.tunebeam.trainer.Memoized;
import dev.tunebeam.trainer.TrainingJob;
import dev.tunebeam.trainer.data.DataLocator;
import dev.tunebeam.trainer.report.CheckpointFile;
import dev.tunebeam.trainer.report.MetricsJson;
import dev.tunebeam.trainer.report.MetricsReport;
import dev.tunebeam.trainer.report.WorkerOutcome;
import dev.tunebeam.trainer.train.MemberRun;
import dev.tunebeam.transforms.exec.Lane;
import dev.tunebeam.transforms.exec.TrialExecutor;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains one fused group of trials and turns what the trainer wrote into {@link TrialResult}s. When
 * a group fails as a whole (a crash, an exception), its members go back to the queue to run alone,
 * so one bad trial cannot fail the others; what still fails is a FAILED result with the trainer's
 * words. The failure budget, SKIPPED rows and progress are the run's loop's ({@code
 * exec.GroupLoop}), around this.
 */
final class GroupTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(GroupTrainer.class);
  static final String BACKEND = LocalExecutor.BACKEND;

  private final LocalSettings settings;
  private final WorkerSlots.Slots slots;
  private final WarmWorkers workers;
  private final int threads;
  private final Lane lane;

  /** {@code lane} gets the trainer's output lines. */
  GroupTrainer(LocalSettings settings, Lane lane) {
    this.settings = settings;
    this.slots = WorkerSlots.forRun(settings);
    this.workers = WarmWorkers.forRun(settings);
    this.threads = WorkerSlots.resolveThreads(settings, slots.size());
    this.lane = lane;
  }

  /** Waits for this machine's cores, then trains the group. */
  TrialExecutor.Outcome train(List<Trial> group) throws InterruptedException {
    List<TrialResult> results = new ArrayList<>();
    List<Trial> retryAlone = new ArrayList<>();
    slots.acquire(1);
    int held = 1;
    try {
      held += widen(group);
      long started = System.nanoTime();
      Attempt attempt;
      try {
        clearStaleMetrics(group);
        attempt =
            settings.inProcess()
                ? trainInProcess(group)
                : trainInWorker(group, held == 1 ? threads : slots.threads(held));
      } catch (IOException e) {
        attempt = new Attempt("cannot run the trainer: " + e.getMessage(), false);
      }
      String failure = attempt.error();
      double seconds = (System.nanoTime() - started) / 1e9;
      for (Trial t : group) {
        Collected done = collect(t);
        if (done.result() != null) {
          results.add(done.result());
        } else if (group.size() > 1 && !attempt.sameForEveryMember()) {
          lane.line(
              "group of "
                  + group.size()
                  + " failed ("
                  + firstLine(failure)
                  + "); retrying trial "
                  + t.id()
                  + " alone");
          retryAlone.add(t);
        } else {
          String why = failure != null ? failure : done.problem();
          results.add(
              TrialResult.failed(
                  t,
                  BACKEND,
                  why,
                  seconds,
                  TrialArtifacts.trialDirectory(settings.outputDirectory(), t.id())));
        }
      }
    } finally {
      slots.release(held);
    }
    return new TrialExecutor.Outcome(results, retryAlone);
  }

  /**
   * Spreads the group over the cores of lanes that would idle until it ends (nothing queued: a
   * rung's or the study's last group), instead of training it on one core while the others wait: a
   * lone LeNet-5 trained 1.45x faster on 2 threads than on 1 here. Not for in-process training (one
   * model at a time in this JVM), nor when the user chose the threads per worker. Returns the extra
   * slots taken.
   */
  private int widen(List<Trial> group) {
    if (settings.inProcess() || settings.threadsPerWorker() > 0) {
      return 0;
    }
    int idle = lane.idleLanes();
    int extra = idle > 0 ? slots.tryWiden(idle) : 0;
    if (extra > 0) {
      lane.borrow(extra);
      LOG.info(
          "{} on {} compute threads: no group waits, so it uses the cores of {} idle lane(s)",
          group.size() == 1 ? "trial " + group.get(0).id() : group.size() + " fused trials",
          slots.threads(1 + extra),
          extra);
    }
    return extra;
  }

  /**
   * How a training attempt ended: {@code error} null on success. A usage error (the trainer's exit
   * 2: bad data, a batch larger than the data) is the same for every member of a fused group, so
   * retrying members alone would only fail K more times.
   */
  private record Attempt(String error, boolean sameForEveryMember) {}

  private Attempt trainInWorker(List<Trial> group, int threads)
      throws IOException, InterruptedException {
    Path spec = GroupSpecFiles.create();
    try (TrialLog workerLog = new TrialLog()) {
      GroupSpecFiles.write(spec, group.stream().map(t -> LocalTrial.args(t, settings)).toList());
      WorkerProcess.Exit exit =
          workers.train(
              spec,
              threads,
              WorkerProcess.outcomeFile(spec),
              settings.timeoutSeconds(),
              line -> {
                workerLog.accept(line);
                lane.line(line);
              });
      // The whole output beside each member's results: the error cell stays one sentence.
      for (Trial t : group) {
        workerLog.saveTo(TrialArtifacts.trialDirectory(settings.outputDirectory(), t.id()));
      }
      if (exit.ok()) {
        return new Attempt(null, false);
      }
      // The worker's own account of how it ended; the crash banner only when it could write none.
      Optional<WorkerOutcome> told =
          exit.timedOut() ? Optional.empty() : WorkerOutcome.read(WorkerProcess.outcomeFile(spec));
      return told.filter(o -> !o.ok())
          .map(o -> new Attempt(o.error(), o.usageError()))
          .orElseGet(() -> new Attempt(describeExit(exit, settings.timeoutSeconds()), false));
    } finally {
      Files.deleteIfExists(spec);
      Files.deleteIfExists(WorkerProcess.outcomeFile(spec));
    }
  }

  private Attempt trainInProcess(List<Trial> group) {
    List<MemberRun> members = group.stream().map(t -> LocalTrial.member(t, settings)).toList();
    Supplier<Storage> storage = Memoized.of(() -> StorageOptions.getDefaultInstance().getService());
    try (PrintStream out =
        new PrintStream(new LineForwarder(lane::line), true, StandardCharsets.UTF_8)) {
      new TrainingJob(DataLocator.standard(storage), storage, out, Map.of())
          .withProgressLines()
          .run(members, threads);
      return new Attempt(null, false);
    } catch (IllegalArgumentException e) {
      return new Attempt(e.getMessage(), true);
    } catch (Exception e) {
      return new Attempt(e.getClass().getSimpleName() + ": " + e.getMessage(), false);
    }
  }

  /** A trial's result from its metrics.json, or why there is none. */
  private record Collected(TrialResult result, String problem) {}

  private Collected collect(Trial t) {
    String dir = TrialArtifacts.trialDirectory(settings.outputDirectory(), t.id());
    try {
      Optional<MetricsReport> metrics = TrialArtifacts.readMetrics(dir);
      return metrics
          .map(m -> new Collected(TrialResult.succeeded(t, BACKEND, m, dir), null))
          .orElse(new Collected(null, "the trainer wrote no metrics.json to " + dir));
    } catch (IOException | IllegalArgumentException e) {
      return new Collected(null, e.getMessage());
    }
  }

  /**
   * An old metrics.json must not pass for this run's result; with resume off, an old checkpoint
   * must not be continued.
   */
  private void clearStaleMetrics(List<Trial> group) throws IOException {
    List<ResourceId> stale = new ArrayList<>();
    for (Trial t : group) {
      String dir = TrialArtifacts.trialDirectory(settings.outputDirectory(), t.id());
      stale.add(
          FileSystems.matchNewResource(TrialArtifacts.join(dir, MetricsJson.FILE_NAME), false));
      if (!settings.resume()) {
        // Without resume a trial starts from scratch, not from an earlier run's checkpoint.
        String checkpoints =
            TrialArtifacts.checkpointDirectory(
                settings.outputDirectory(), settings.checkpointKey().apply(t));
        stale.add(
            FileSystems.matchNewResource(
                TrialArtifacts.join(checkpoints, CheckpointFile.FILE_NAME), false));
      }
    }
    FileSystems.delete(stale, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  /**
   * What killed a worker that wrote no outcome file, in one line where possible: the signal and
   * frame of a JVM crash report, or the code and the last lines.
   */
  static String describeExit(WorkerProcess.Exit exit, long timeoutSeconds) {
    if (exit.timedOut()) {
      return "trainer process timed out after "
          + timeoutSeconds
          + " s and was killed; raise the timeout or train fewer epochs";
    }
    String[] lines = exit.tail().split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("A fatal error has been detected by the Java Runtime Environment")) {
        StringBuilder crash = new StringBuilder("trainer process crashed natively");
        for (int j = i + 1; j < lines.length; j++) {
          String l = lines[j].replaceFirst("^#\\s*", "").trim();
          if (l.matches("SIG[A-Z]+ .*")
              || l.startsWith("C  [")
              || l.startsWith("J ")
              || l.startsWith("An error report")
              || l.startsWith("/")) {
            crash.append("; ").append(l);
          }
        }
        return crash.toString();
      }
    }
    String how =
        exit.code() > 128
            ? "was killed by signal " + (exit.code() - 128)
            : "exited with code " + exit.code();
    String last = "";
    for (int i = lines.length - 1; i >= 0 && last.isEmpty(); i--) {
      last = lines[i].strip();
    }
    return "trainer process "
        + how
        + (last.isEmpty() ? " and printed nothing" : ", last output: " + last)
        + " (full output in the trial's "
        + TrialLog.FILE_NAME
        + ")";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "no metrics written";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
