package dev.tunebeam.transforms.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunebeam.trainer.train.ConsoleProgress;
import java.util.Locale;
import java.util.Optional;

/**
 * How far the local trials of this JVM have come, in model-epochs, and when they will be done at
 * the pace so far. On the DirectRunner that is the whole study; on a distributed runner, this
 * worker's share (Beam counters carry the totals).
 */
final class StudyProgress {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final StudyProgress JVM = new StudyProgress();

  private long planned;
  private long done;
  private long startNanos;

  /** The tracker shared by every local trial of this JVM. */
  static StudyProgress jvm() {
    return JVM;
  }

  synchronized void planned(long modelEpochs) {
    if (planned == 0 || done >= planned) {
      planned = 0;
      done = 0;
      startNanos = System.nanoTime();
    }
    planned += modelEpochs;
  }

  /** Parses a worker's {@code @progress} line; records it and returns the line to log. */
  Optional<String> record(String workerLine) {
    if (!workerLine.startsWith(ConsoleProgress.PROGRESS_PREFIX)) {
      return Optional.empty();
    }
    try {
      JsonNode p = JSON.readTree(workerLine.substring(ConsoleProgress.PROGRESS_PREFIX.length()));
      return Optional.of(epochFinished(p.get("trial").asText(), p.get("epoch").asInt(), p.get("epochs").asInt(),
          p.get("test_accuracy").asDouble(Double.NaN), p.get("train_loss").asDouble(Double.NaN), p.get("seconds").asDouble()));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  synchronized String epochFinished(String trial, int epoch, int epochs, double testAccuracy, double trainLoss, double seconds) {
    done++;
    double elapsed = (System.nanoTime() - startNanos) / 1e9;
    String eta = "";
    if (planned > 0) {
      long remaining = Math.max(0, planned - done);
      double etaMinutes = remaining * elapsed / Math.max(1, done) / 60;
      eta = String.format(Locale.ROOT, "; study %d%% (%d/%d model-epochs), ETA %.1f min", 100 * Math.min(done, planned) / planned, done, planned, etaMinutes);
    }
    return String.format(Locale.ROOT, "trial %s epoch %d/%d: test accuracy %.4f, train loss %.4f, %.1f s%s",
        trial, epoch, epochs, testAccuracy, trainLoss, seconds, eta);
  }
}
