package dev.tunebeam.transforms.exec;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.trainer.report.Secrets;
import dev.tunebeam.transforms.run.StudyRun;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run's lanes tell the person watching, for one run: its {@link StudyProgress} on the JVM's
 * {@link ProgressConsole}. Everything goes through the log; on a terminal ({@link
 * ProgressConsole#live()}) the routine lines (started, each epoch, succeeded) drop to DEBUG and the
 * status line is redrawn instead, while failures still print on a line of their own above it. Lines
 * name the run's objective metric; test accuracy stays in the results.
 */
final class ProgressLog {
  private static final Logger LOG = LoggerFactory.getLogger(ExecuteTrials.class);

  private final StudyProgress progress;
  private final ProgressConsole console;
  private final Objective objective;

  ProgressLog(StudyProgress progress, ProgressConsole console, Objective objective) {
    this.progress = progress;
    this.console = console;
    this.objective = objective;
  }

  /** The run's progress on this JVM's console. */
  static ProgressLog of(StudyRun run) {
    return new ProgressLog(StudyProgress.of(run), ProgressConsole.jvm(), run.objective());
  }

  void started(List<Trial> group) {
    progress.started(group.size());
    String fused =
        group.size() > 1
            ? " (fused with " + (group.size() - 1) + (group.size() == 2 ? " other)" : " others)")
            : "";
    for (Trial t : group) {
      routine(String.format(Locale.ROOT, "trial %s started%s: %s", t.id(), fused, t.describe()));
    }
    redraw();
  }

  /** Trials that were started and go back to the queue (members of a group retried alone). */
  void requeued(int count) {
    progress.started(-count);
  }

  void finished(TrialResult r) {
    boolean last = progress.finished(r.succeeded());
    if (r.succeeded()) {
      routine(
          String.format(
              Locale.ROOT,
              "trial %s SUCCEEDED: %s in %.0f s",
              r.trial().id(),
              judged(r),
              r.wallSeconds()));
    } else {
      console.clear();
      LOG.warn(
          "trial {} {}: {}",
          r.trial().id(),
          r.status() == TrialStatus.SKIPPED ? "SKIPPED" : "FAILED",
          r.error());
    }
    redraw();
    if (last) {
      console.end();
    }
  }

  /** The epoch a trainer's {@code @progress} line reports; empty for any other line. */
  Optional<StudyProgress.EpochReport> parse(String line) {
    return progress.parse(line);
  }

  /** Epoch progress at INFO with the study's ETA (or the status line). */
  void epoch(StudyProgress.EpochReport epoch) {
    routine(progress.epochFinished(epoch));
    redraw();
  }

  /** The trainer's own chatter, at DEBUG. */
  void chatter(String line) {
    LOG.debug(Secrets.redact(line));
  }

  /** {@code best val_accuracy 0.8520 at epoch 2}: the objective's value at the epoch it chooses. */
  private String judged(TrialResult r) {
    String how = objective.measurement().name().toLowerCase(Locale.ROOT) + " " + objective.metric();
    Optional<EpochRecord> chosen = objective.choose(r.history());
    return chosen
        .map(
            e ->
                String.format(
                    Locale.ROOT,
                    "%s %.4f at epoch %d",
                    how,
                    e.metric(objective.metric()),
                    e.epoch()))
        .orElse(how + " not reported");
  }

  private void routine(String line) {
    if (console.live()) {
      LOG.debug(line);
    } else {
      LOG.info(line);
    }
  }

  private void redraw() {
    console.draw(progress.statusLine());
  }
}
