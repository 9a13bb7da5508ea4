package dev.tunebeam.transforms.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunebeam.trainer.train.ConsoleProgress;
import dev.tunebeam.transforms.results.Objective;
import dev.tunebeam.transforms.run.StudyRun;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * How far the local trials of one run have come in this JVM: trials done, running and failed,
 * model-epochs, the best value of the run's objective so far, and when they will be done at the
 * pace so far. Each epoch's line shows the objective's metric (what selection uses), never the test
 * accuracy, which stays in the results. On the DirectRunner that is the whole study; on a
 * distributed runner, this worker's share (Beam counters carry the totals).
 */
final class StudyProgress {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Objective objective;
  private final LongSupplier nanos;
  private long planned;
  private long done;
  private long startNanos;
  private int trials;
  private int running;
  private int finished;
  private int failed;
  private double best = Double.NaN;

  StudyProgress(Objective objective, LongSupplier nanos) {
    this.objective = objective;
    this.nanos = nanos;
    this.startNanos = nanos.getAsLong();
  }

  StudyProgress(Objective objective) {
    this(objective, System::nanoTime);
  }

  /**
   * The tracker of {@code run}'s local trials in this JVM, shared by every rung and lane of the
   * run.
   */
  static StudyProgress of(StudyRun run) {
    return run.state()
        .part("local.progress", StudyProgress.class, () -> new StudyProgress(run.objective()));
  }

  synchronized void planned(long modelEpochs) {
    planned(0, modelEpochs);
  }

  /**
   * Adds work to the plan: a run's rungs plan one after another, and the figures cover them all.
   */
  synchronized void planned(int trialCount, long modelEpochs) {
    if (planned == 0) {
      startNanos = nanos.getAsLong();
    }
    planned += modelEpochs;
    trials += trialCount;
  }

  synchronized void started(int count) {
    running += count;
  }

  /** Records a trial's end; true when it was the last one planned. */
  synchronized boolean finished(boolean succeeded) {
    running = Math.max(0, running - 1);
    finished++;
    failed += succeeded ? 0 : 1;
    return trials > 0 && finished >= trials;
  }

  /** Parses a worker's {@code @progress} line; records it and returns the line to log. */
  Optional<String> record(String workerLine) {
    if (!workerLine.startsWith(ConsoleProgress.PROGRESS_PREFIX)) {
      return Optional.empty();
    }
    try {
      JsonNode p = JSON.readTree(workerLine.substring(ConsoleProgress.PROGRESS_PREFIX.length()));
      JsonNode value = p.get(objective.metric());
      return Optional.of(
          epochFinished(
              p.get("trial").asText(),
              p.get("epoch").asInt(),
              p.get("epochs").asInt(),
              value != null && value.isNumber() ? value.asDouble() : Double.NaN,
              p.path("train_loss").asDouble(Double.NaN),
              p.get("seconds").asDouble()));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /**
   * Records an epoch whose objective metric was {@code value} (NaN: not reported); returns its log
   * line.
   */
  synchronized String epochFinished(
      String trial, int epoch, int epochs, double value, double trainLoss, double seconds) {
    done++;
    if (Double.isFinite(value) && objective.better(value, best)) {
      best = value;
    }
    String eta =
        planned > 0
            ? String.format(
                Locale.ROOT,
                "; study %d%% (%d/%d model-epochs), ETA %s",
                100 * Math.min(done, planned) / planned,
                done,
                planned,
                eta())
            : "";
    String shown =
        Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : "not reported";
    return String.format(
        Locale.ROOT,
        "trial %s epoch %d/%d: %s %s, train loss %.4f, %.1f s%s",
        trial,
        epoch,
        epochs,
        objective.metric(),
        shown,
        trainLoss,
        seconds,
        eta);
  }

  /** The one-line status a terminal redraws in place. */
  synchronized String statusLine() {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "trials %d/%d done, %d running, %d failed",
            finished,
            Math.max(trials, finished),
            running,
            failed));
    if (planned > 0) {
      s.append(
          String.format(
              Locale.ROOT,
              " | model-epochs %d/%d (%d%%) | ETA %s",
              done,
              planned,
              100 * Math.min(done, planned) / planned,
              eta()));
    }
    s.append(
        Double.isNaN(best)
            ? " | best: none yet"
            : String.format(Locale.ROOT, " | best %s %.4f", objective.metric(), best));
    return s.toString();
  }

  private String eta() {
    if (done == 0) {
      return "after the first epoch";
    }
    double elapsed = (nanos.getAsLong() - startNanos) / 1e9;
    double seconds = Math.max(0, planned - done) * elapsed / done;
    return seconds < 90
        ? String.format(Locale.ROOT, "%.0f s", seconds)
        : String.format(Locale.ROOT, "%.1f min", seconds / 60);
  }
}
