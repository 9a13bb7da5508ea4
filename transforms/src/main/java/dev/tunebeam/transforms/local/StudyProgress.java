package dev.tunebeam.transforms.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunebeam.trainer.train.ConsoleProgress;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * How far the local trials of this JVM have come: trials done, running and failed, model-epochs,
 * the best test accuracy so far, and when they will be done at the pace so far. On the
 * DirectRunner that is the whole study; on a distributed runner, this worker's share (Beam
 * counters carry the totals).
 */
final class StudyProgress {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final StudyProgress JVM = new StudyProgress(System::nanoTime);

  private final LongSupplier nanos;
  private long planned;
  private long done;
  private long startNanos;
  private int trials;
  private int running;
  private int finished;
  private int failed;
  private double best = Double.NaN;
  /** The tag "best so far" follows: val_accuracy (the default objective's) when trials report it, else test_accuracy. */
  private String bestTag = "test_accuracy";

  StudyProgress(LongSupplier nanos) {
    this.nanos = nanos;
  }

  StudyProgress() {
    this(System::nanoTime);
  }

  /** The tracker shared by every local trial of this JVM. */
  static StudyProgress jvm() {
    return JVM;
  }

  synchronized void planned(long modelEpochs) {
    planned(0, modelEpochs);
  }

  synchronized void planned(int trialCount, long modelEpochs) {
    if (planned == 0 || done >= planned) {
      planned = 0;
      done = 0;
      trials = 0;
      bestTag = "test_accuracy";
      running = 0;
      finished = 0;
      failed = 0;
      best = Double.NaN;
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
      JsonNode val = p.get("val_accuracy");
      if (val != null && val.isNumber()) {
        synchronized (this) {
          bestTag = "val_accuracy";
          best = Double.isNaN(best) || val.asDouble() > best ? val.asDouble() : best;
        }
      }
      return Optional.of(epochFinished(p.get("trial").asText(), p.get("epoch").asInt(), p.get("epochs").asInt(),
          p.get("test_accuracy").asDouble(Double.NaN), p.get("train_loss").asDouble(Double.NaN), p.get("seconds").asDouble()));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  synchronized String epochFinished(String trial, int epoch, int epochs, double testAccuracy, double trainLoss, double seconds) {
    done++;
    if (bestTag.equals("test_accuracy") && Double.isFinite(testAccuracy) && !(testAccuracy <= best)) {
      best = testAccuracy;
    }
    String eta = planned > 0 ? String.format(Locale.ROOT, "; study %d%% (%d/%d model-epochs), ETA %s", 100 * Math.min(done, planned) / planned,
        done, planned, eta()) : "";
    return String.format(Locale.ROOT, "trial %s epoch %d/%d: test accuracy %.4f, train loss %.4f, %.1f s%s",
        trial, epoch, epochs, testAccuracy, trainLoss, seconds, eta);
  }

  /** The one-line status a terminal redraws in place. */
  synchronized String statusLine() {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "trials %d/%d done, %d running, %d failed", finished, Math.max(trials, finished), running, failed));
    if (planned > 0) {
      s.append(String.format(Locale.ROOT, " | model-epochs %d/%d (%d%%) | ETA %s", done, planned, 100 * Math.min(done, planned) / planned, eta()));
    }
    s.append(Double.isNaN(best) ? " | best: none yet" : String.format(Locale.ROOT, " | best %s %.4f", bestTag, best));
    return s.toString();
  }

  private String eta() {
    if (done == 0) {
      return "after the first epoch";
    }
    double elapsed = (nanos.getAsLong() - startNanos) / 1e9;
    double seconds = Math.max(0, planned - done) * elapsed / done;
    return seconds < 90 ? String.format(Locale.ROOT, "%.0f s", seconds) : String.format(Locale.ROOT, "%.1f min", seconds / 60);
  }
}
