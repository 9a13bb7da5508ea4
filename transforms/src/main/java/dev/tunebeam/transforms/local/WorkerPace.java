package dev.tunebeam.transforms.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunebeam.trainer.train.ConsoleProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * One warm worker's training pace, job by job, and the rule that retires it: a job that trains at
 * less than {@link #RETIRE_BELOW} of the pace of a comparable earlier job in the same worker.
 *
 * <p>Pace is model-images per CPU second of the worker process (each epoch's {@code pace} in the
 * trainer's progress line; the job's median epoch). CPU seconds, not wall seconds: a worker that
 * shares its core with other processes is not sick and a fresh one would be no faster, while a
 * worker that works harder for the same images is (the page-fault churn found behind issue 21's
 * slowdown is CPU time of the worker's own training thread). Comparable means the same number of
 * fused models and training images and a batch size no larger: smaller batches cost more per image
 * (measured here, an epoch of 20,000 images and its evaluation: 3.9 to 5.1 CPU seconds at batch 32,
 * 3.3 to 3.7 at 64, 2.9 to 3.3 at 128), so a smaller-batch job is a baseline the job must beat,
 * whatever its activation and optimizer (softmax, the dearest, measured at most 1.35x the others at
 * one batch size). Half that pace is "well below": noise and configuration stay within it, the
 * slowdown it guards against was 5x.
 */
final class WorkerPace {
  /** Retire when a job's pace is below this share of a comparable earlier job's. */
  static final double RETIRE_BELOW = 0.5;

  /**
   * Epochs shorter than this (CPU seconds) are not judged: clock ticks and start-up dominate them.
   */
  static final double MIN_EPOCH_CPU_SECONDS = 0.5;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One finished job: its shape, its compute threads and its median epoch's pace and seconds. */
  record Job(
      int models,
      int images,
      int batchSize,
      int threads,
      double modelImagesPerCpuSecond,
      double cpuSeconds,
      double trainSeconds) {
    boolean comparableBaselineFor(Job later) {
      // Threads change CPU seconds per image (OpenMP's spinning), so only like counts compare.
      return models == later.models
          && images == later.images
          && batchSize <= later.batchSize
          && threads == later.threads;
    }

    String describe() {
      return String.format(
          Locale.ROOT,
          "%,.0f model-images per CPU second (batch %d, %d model%s, %,d images; %.1f CPU s and "
              + "%.1f s of training an epoch)",
          modelImagesPerCpuSecond,
          batchSize,
          models,
          models == 1 ? "" : "s",
          images,
          cpuSeconds,
          trainSeconds);
    }
  }

  private final double retireBelow;
  private final double minEpochCpuSeconds;
  private final List<Job> jobs = new ArrayList<>();
  private int threads;
  private final TreeMap<Integer, JsonNode> epochs = new TreeMap<>();

  /** The rule a lane's worker is judged by. */
  WorkerPace() {
    this(RETIRE_BELOW, MIN_EPOCH_CPU_SECONDS);
  }

  /**
   * Retires below {@code retireBelow} of a comparable earlier job's pace (0: never), judging only
   * jobs whose median epoch took at least {@code minEpochCpuSeconds}.
   */
  WorkerPace(double retireBelow, double minEpochCpuSeconds) {
    this.retireBelow = retireBelow;
    this.minEpochCpuSeconds = minEpochCpuSeconds;
  }

  /** A job with {@code threads} compute threads (0: the engine's default) starts. */
  void startJob(int threads) {
    this.threads = threads;
    epochs.clear();
  }

  /** Reads one line of the current job; its progress lines carry each epoch's pace. */
  void accept(String line) {
    if (!line.startsWith(ConsoleProgress.PROGRESS_PREFIX)) {
      return;
    }
    try {
      JsonNode p = JSON.readTree(line.substring(ConsoleProgress.PROGRESS_PREFIX.length()));
      JsonNode pace = p.get("pace");
      if (pace != null && pace.isObject()) {
        // A fused group prints one line per model and epoch, all with the same pace.
        epochs.putIfAbsent(p.path("epoch").asInt(), pace);
      }
    } catch (Exception e) {
      // A line that only looks like progress says nothing about pace.
    }
  }

  /**
   * Ends the current job: empty while the worker keeps its pace, else why it should be retired,
   * with the figures.
   */
  Optional<String> endJob() {
    Optional<Job> job = summarise();
    epochs.clear();
    if (job.isEmpty()) {
      return Optional.empty();
    }
    Job now = job.get();
    Optional<Job> best =
        jobs.stream()
            .filter(this::judged)
            .filter(j -> j.comparableBaselineFor(now))
            .max((a, b) -> Double.compare(a.modelImagesPerCpuSecond, b.modelImagesPerCpuSecond));
    jobs.add(now);
    if (!judged(now)
        || best.isEmpty()
        || now.modelImagesPerCpuSecond >= retireBelow * best.get().modelImagesPerCpuSecond) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "its last job trained at %s, %.1fx slower than its own earlier job at %s",
            now.describe(),
            best.get().modelImagesPerCpuSecond / now.modelImagesPerCpuSecond,
            best.get().describe()));
  }

  private boolean judged(Job job) {
    return job.cpuSeconds >= minEpochCpuSeconds && job.modelImagesPerCpuSecond > 0;
  }

  /** The jobs recorded so far, oldest first. */
  List<Job> jobs() {
    return List.copyOf(jobs);
  }

  private Optional<Job> summarise() {
    if (epochs.isEmpty()) {
      return Optional.empty();
    }
    JsonNode first = epochs.firstEntry().getValue();
    int models = first.path("models").asInt();
    int images = first.path("images").asInt();
    int batch = first.path("batch_size").asInt();
    double[] cpu = values("cpu_seconds");
    double[] train = values("train_seconds");
    if (models <= 0 || images <= 0 || cpu.length == 0) {
      return Optional.empty();
    }
    double medianCpu = new Median().evaluate(cpu);
    return Optional.of(
        new Job(
            models,
            images,
            batch,
            threads,
            (double) models * images / medianCpu,
            medianCpu,
            train.length == 0 ? Double.NaN : new Median().evaluate(train)));
  }

  private double[] values(String field) {
    return epochs.values().stream()
        .map(p -> p.get(field))
        .filter(v -> v != null && v.isNumber() && v.asDouble() > 0)
        .mapToDouble(JsonNode::asDouble)
        .toArray();
  }
}
