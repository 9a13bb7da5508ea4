package dev.tunebeam.transforms.local;

import dev.tunebeam.trainer.report.Secrets;
import dev.tunebeam.transforms.results.TrialResult;
import dev.tunebeam.transforms.results.TrialStatus;
import dev.tunebeam.transforms.space.Trial;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What local training tells the person watching. Everything goes through the log as before; on a
 * terminal ({@link ProgressConsole#live()}) the routine lines (started, each epoch, succeeded)
 * drop to DEBUG and the status line is redrawn instead, while failures still print on a line of
 * their own above it.
 */
final class ProgressLog {
  private static final Logger LOG = LoggerFactory.getLogger(TrainLocally.class);

  private ProgressLog() {}

  static void started(List<Trial> group) {
    StudyProgress.jvm().started(group.size());
    String fused = group.size() > 1 ? " (fused with " + (group.size() - 1) + (group.size() == 2 ? " other)" : " others)") : "";
    for (Trial t : group) {
      routine(String.format(Locale.ROOT, "trial %s started%s: %s", t.id(), fused, t.describe()));
    }
    redraw();
  }

  static void finished(TrialResult r) {
    boolean last = StudyProgress.jvm().finished(r.succeeded());
    if (r.succeeded()) {
      routine(String.format(Locale.ROOT, "trial %s SUCCEEDED: final test accuracy %.4f in %.0f s", r.trial().id(), r.finalTestAccuracy(), r.wallSeconds()));
    } else {
      ProgressConsole.jvm().clear();
      LOG.warn("trial {} {}: {}", r.trial().id(), r.status() == TrialStatus.SKIPPED ? "SKIPPED" : "FAILED", r.error());
    }
    redraw();
    if (last) {
      ProgressConsole.jvm().end();
    }
  }

  /** Epoch progress at INFO with the study's ETA (or the status line); the trainer's own chatter at DEBUG. True for an epoch. */
  static boolean workerLine(String line) {
    Optional<String> progress = StudyProgress.jvm().record(line);
    if (progress.isEmpty()) {
      LOG.debug(Secrets.redact(line));
      return false;
    }
    routine(progress.get());
    redraw();
    return true;
  }

  private static void routine(String line) {
    if (ProgressConsole.jvm().live()) {
      LOG.debug(line);
    } else {
      LOG.info(line);
    }
  }

  private static void redraw() {
    ProgressConsole.jvm().draw(StudyProgress.jvm().statusLine());
  }
}
