package dev.tunebeam.transforms.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunebeam.trainer.train.ConsoleProgress;
import dev.tunebeam.transforms.run.StudyRun;
import dev.tunebeam.transforms.study.Objective;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.apache.beam.sdk.annotations.Internal;

/**
 * How far the trials of one run have come in this JVM: trials done, running and failed,
 * model-epochs, the best value of the run's objective so far, and when they will be done. The ETA
 * is the work left on each lane of the run's queues ({@link RunQueue#etaSeconds}) at that lane's
 * measured pace, so one slow lane with the last groups shows in it; before any lane has a pace, it
 * is the planned model-epochs left at the pace so far. Each epoch's line shows the objective's
 * metric (what selection uses), never the test accuracy, which stays in the results. On the
 * DirectRunner that is the whole study; on a distributed runner, this worker's share (Beam counters
 * carry the totals).
 */
@Internal
public final class StudyProgress {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Objective objective;
  private final LongSupplier nanos;
  private final List<RunQueue> queues = new CopyOnWriteArrayList<>();
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

  /** The tracker of {@code run}'s trials in this JVM, shared by every stage and lane of the run. */
  public static StudyProgress of(StudyRun run) {
    return run.state()
        .part("exec.progress", StudyProgress.class, () -> new StudyProgress(run.objective()));
  }

  /** A queue whose lanes' work left counts in the ETA. */
  void track(RunQueue queue) {
    if (!queues.contains(queue)) {
      queues.add(queue);
    }
  }

  synchronized void planned(long modelEpochs) {
    planned(0, modelEpochs);
  }

  /**
   * Adds work to the plan: a run's rungs plan one after another, and the figures cover them all.
   */
  synchronized void planned(int trialCount, long modelEpochs) {
    if (planned == 0 && trials == 0) {
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

  /** One {@code @progress} line of a trainer: a trial finished an epoch. */
  record EpochReport(
      String trial, int epoch, int epochs, double value, double trainLoss, double seconds) {}

  /** Parses a worker's {@code @progress} line; empty for any other line. */
  Optional<EpochReport> parse(String workerLine) {
    if (!workerLine.startsWith(ConsoleProgress.PROGRESS_PREFIX)) {
      return Optional.empty();
    }
    try {
      JsonNode p = JSON.readTree(workerLine.substring(ConsoleProgress.PROGRESS_PREFIX.length()));
      JsonNode value = p.get(objective.metric());
      return Optional.of(
          new EpochReport(
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

  /** Parses a worker's {@code @progress} line; records it and returns the line to log. */
  Optional<String> record(String workerLine) {
    return parse(workerLine).map(this::epochFinished);
  }

  /** Records an epoch; returns its log line. */
  String epochFinished(EpochReport e) {
    return epochFinished(e.trial(), e.epoch(), e.epochs(), e.value(), e.trainLoss(), e.seconds());
  }

  /**
   * Records an epoch whose objective metric was {@code value} (NaN: not reported); returns its log
   * line.
   */
  String epochFinished(
      String trial, int epoch, int epochs, double value, double trainLoss, double seconds) {
    String eta;
    synchronized (this) {
      done++;
      if (Double.isFinite(value) && objective.better(value, best)) {
        best = value;
      }
    }
    eta = planned() > 0 ? "; study " + completion() + ", ETA " + eta() : "";
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

  private synchronized long planned() {
    return planned;
  }

  private synchronized String completion() {
    return String.format(
        Locale.ROOT,
        "%d%% (%d/%d model-epochs)",
        100 * Math.min(done, planned) / planned,
        done,
        planned);
  }

  /** The one-line status a terminal redraws in place. */
  public String statusLine() {
    StringBuilder s = new StringBuilder();
    boolean hasPlan;
    synchronized (this) {
      s.append(
          String.format(
              Locale.ROOT,
              "trials %d/%d done, %d running, %d failed",
              finished,
              Math.max(trials, finished),
              running,
              failed));
      hasPlan = planned > 0;
      if (hasPlan) {
        s.append(
            String.format(
                Locale.ROOT,
                " | model-epochs %d/%d (%d%%)",
                done,
                planned,
                100 * Math.min(done, planned) / planned));
      }
    }
    if (hasPlan || !queues.isEmpty()) {
      s.append(" | ETA ").append(eta());
    }
    synchronized (this) {
      s.append(
          Double.isNaN(best)
              ? " | best: none yet"
              : String.format(Locale.ROOT, " | best %s %.4f", objective.metric(), best));
    }
    return s.toString();
  }

  /**
   * Seconds until the work the lanes know of is done: the slowest of the run's queues, each lane at
   * its own measured pace; otherwise the planned model-epochs left at the pace so far.
   */
  String eta() {
    OptionalDouble fromLanes = OptionalDouble.empty();
    for (RunQueue q : queues) {
      OptionalDouble s = q.etaSeconds();
      if (s.isPresent() && (fromLanes.isEmpty() || s.getAsDouble() > fromLanes.getAsDouble())) {
        fromLanes = s;
      }
    }
    if (fromLanes.isPresent()) {
      return duration(fromLanes.getAsDouble());
    }
    synchronized (this) {
      if (done == 0 || planned == 0) {
        return "after the first epoch";
      }
      double elapsed = (nanos.getAsLong() - startNanos) / 1e9;
      return duration(Math.max(0, planned - done) * elapsed / done);
    }
  }

  static String duration(double seconds) {
    return seconds < 90
        ? String.format(Locale.ROOT, "%.0f s", seconds)
        : String.format(Locale.ROOT, "%.1f min", seconds / 60);
  }
}
