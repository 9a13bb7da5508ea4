package dev.tunebeam.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunebeam.trainer.train.ConsoleProgress;
import dev.tunebeam.transforms.local.WarmWorkerProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Whether a warm worker stays fast (issue 21): 15 jobs of mixed configurations (every activation,
 * optimizer and batch size of the reference grid) go through ONE warm trainer worker, and each job
 * is also trained alone in a fresh worker JVM, interleaved job by job (the fresh run first on odd
 * jobs) so load elsewhere falls on both. Each run's pace is its fastest epoch after the first (the
 * first pays a fresh JVM's warm-up; load elsewhere only ever adds time): training seconds and the
 * process's CPU seconds, and its minor page faults an epoch. Figures only, nothing asserted:
 *
 * <pre>
 * java -cp pipeline/target/tunebeam.jar:bench/target/tunebeam-bench.jar dev.tunebeam.bench.WarmWorkerBenchmark \
 *     [--allocator=both|worker|glibc] [--trainSamples=20000] [--epochs=3] [--jobs=15] [--threads=1]
 * </pre>
 *
 * {@code --allocator=worker} starts the workers as the local backend does (with its allocator
 * settings), {@code glibc} with glibc's defaults as before them, {@code both} (the default) runs
 * the two side by side, a warm worker of each. The goal is no job slower than 1.2x its fresh pace.
 */
public final class WarmWorkerBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The job order of the measurement that found the cause (a warm worker whose allocator churned
   * from its third job on); every activation, optimizer and batch size appears.
   */
  static final List<Job> JOBS =
      List.of(
          new Job("softmax", "sgd", 32),
          new Job("relu", "adam", 128),
          new Job("leakyrelu", "adam", 32),
          new Job("relu", "rmsprop", 128),
          new Job("relu", "rmsprop", 64),
          new Job("leakyrelu", "rmsprop", 64),
          new Job("softmax", "adam", 128),
          new Job("leakyrelu", "sgd", 32),
          new Job("leakyrelu", "rmsprop", 128),
          new Job("leakyrelu", "sgd", 64),
          new Job("softmax", "adam", 64),
          new Job("relu", "sgd", 128),
          new Job("softmax", "rmsprop", 32),
          new Job("relu", "adam", 64),
          new Job("softmax", "sgd", 128));

  record Job(String activation, String optimizer, int batchSize) {
    String describe() {
      return activation + "/" + optimizer + "/" + batchSize;
    }
  }

  /**
   * A run's fastest epoch after the first (wall seconds training, CPU seconds), faults an epoch.
   */
  record Pace(double trainSeconds, double cpuSeconds, double faults) {}

  private WarmWorkerBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> flags = flags(args);
    int samples = Integer.parseInt(flags.getOrDefault("trainSamples", "20000"));
    int epochs = Integer.parseInt(flags.getOrDefault("epochs", "3"));
    int jobs = Math.min(JOBS.size(), Integer.parseInt(flags.getOrDefault("jobs", "15")));
    int threads = Integer.parseInt(flags.getOrDefault("threads", "1"));
    String allocator = flags.getOrDefault("allocator", "both");
    List<Boolean> modes =
        switch (allocator) {
          case "both" -> List.of(false, true);
          case "worker" -> List.of(true);
          case "glibc" -> List.of(false);
          default -> throw usage("--allocator must be both, worker or glibc, not " + allocator);
        };
    Path dir = Files.createTempDirectory("tunebeam-warm-worker-bench-");
    System.out.printf(
        Locale.ROOT,
        "%d jobs through one warm worker and each in a fresh JVM, %d training images, %d epochs, %d"
            + " compute thread(s), %d cores; allocator: %s%n",
        jobs,
        samples,
        epochs,
        threads,
        Runtime.getRuntime().availableProcessors(),
        allocator);
    Map<Boolean, WarmWorkerProbe> warm = new LinkedHashMap<>();
    Map<Boolean, List<Pace[]>> paces = new LinkedHashMap<>();
    try {
      for (boolean mode : modes) {
        warm.put(mode, WarmWorkerProbe.start("2g", mode));
        paces.put(mode, new ArrayList<>());
      }
      for (int i = 0; i < jobs; i++) {
        Job job = JOBS.get(i);
        Map<Boolean, Pace> warmPace = new LinkedHashMap<>();
        Map<Boolean, Pace> freshPace = new LinkedHashMap<>();
        boolean freshFirst = i % 2 == 1;
        for (int order = 0; order < 2; order++) {
          boolean fresh = (order == 0) == freshFirst;
          for (boolean mode : modes) {
            String name = "job" + i + (fresh ? "-fresh-" : "-warm-") + (mode ? "worker" : "glibc");
            Path group = group(dir, name, job, samples, epochs);
            Pace pace;
            if (fresh) {
              try (WarmWorkerProbe once = WarmWorkerProbe.start("2g", mode)) {
                pace = run(once, group, threads);
              }
              freshPace.put(mode, pace);
            } else {
              pace = run(warm.get(mode), group, threads);
              warmPace.put(mode, pace);
            }
          }
        }
        for (boolean mode : modes) {
          Pace w = warmPace.get(mode);
          Pace f = freshPace.get(mode);
          paces.get(mode).add(new Pace[] {w, f});
          System.out.printf(
              Locale.ROOT,
              "job %2d %-22s %-7s warm %5.2f s fresh %5.2f s ratio %4.2f | CPU %5.2f / %5.2f s"
                  + " ratio %4.2f | faults an epoch %,9.0f / %,9.0f%n",
              i + 1,
              job.describe(),
              mode ? "worker" : "glibc",
              w.trainSeconds,
              f.trainSeconds,
              w.trainSeconds / f.trainSeconds,
              w.cpuSeconds,
              f.cpuSeconds,
              w.cpuSeconds / f.cpuSeconds,
              w.faults,
              f.faults);
        }
      }
    } finally {
      warm.values().forEach(WarmWorkerProbe::close);
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
    for (boolean mode : modes) {
      summary(mode ? "worker allocator settings" : "glibc defaults", paces.get(mode));
    }
  }

  private static void summary(String label, List<Pace[]> runs) {
    double worstWall = 0;
    double worstCpu = 0;
    int worstJob = 0;
    int over = 0;
    for (int i = 0; i < runs.size(); i++) {
      double wall = runs.get(i)[0].trainSeconds / runs.get(i)[1].trainSeconds;
      double cpu = runs.get(i)[0].cpuSeconds / runs.get(i)[1].cpuSeconds;
      if (wall > worstWall) {
        worstWall = wall;
        worstJob = i + 1;
      }
      worstCpu = Math.max(worstCpu, cpu);
      over += wall > 1.2 ? 1 : 0;
    }
    System.out.printf(
        Locale.ROOT,
        "%s: worst warm/fresh epoch ratio %.2f (job %d), worst CPU ratio %.2f; %d of %d jobs"
            + " slower than 1.2x their fresh pace%n",
        label,
        worstWall,
        worstJob,
        worstCpu,
        over,
        runs.size());
  }

  /**
   * Trains one job in {@code worker}; the pace of its epochs after the first, faults counted by the
   * worker's process between its first and last epoch's progress line.
   */
  private static Pace run(WarmWorkerProbe worker, Path group, int threads) throws IOException {
    TreeMap<Integer, JsonNode> epochs = new TreeMap<>();
    TreeMap<Integer, Long> faults = new TreeMap<>();
    Consumer<String> lines =
        line -> {
          if (!line.startsWith(ConsoleProgress.PROGRESS_PREFIX)) {
            return;
          }
          try {
            JsonNode p = JSON.readTree(line.substring(ConsoleProgress.PROGRESS_PREFIX.length()));
            int epoch = p.path("epoch").asInt();
            if (epochs.putIfAbsent(epoch, p.path("pace")) == null) {
              faults.put(epoch, minorFaults(worker.pid()));
            }
          } catch (IOException e) {
            throw new IllegalStateException(line, e);
          }
        };
    Path outcome = group.resolveSibling(group.getFileName() + ".outcome.json");
    int code = worker.train(group, threads, outcome, lines);
    if (code != 0 || epochs.isEmpty()) {
      throw new IllegalStateException("the job in " + group + " ended with code " + code);
    }
    List<JsonNode> steady =
        epochs.size() > 1
            ? List.copyOf(epochs.tailMap(epochs.firstKey(), false).values())
            : List.copyOf(epochs.values());
    double faultsPerEpoch =
        epochs.size() > 1 && faults.firstEntry().getValue() >= 0
            ? (double) (faults.lastEntry().getValue() - faults.firstEntry().getValue())
                / (epochs.size() - 1)
            : Double.NaN;
    return new Pace(
        fastest(steady, "train_seconds"), fastest(steady, "cpu_seconds"), faultsPerEpoch);
  }

  /** Minor page faults of a Linux process so far (-1 elsewhere). */
  private static long minorFaults(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[7]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static double fastest(List<JsonNode> paces, String field) {
    return paces.stream()
        .mapToDouble(p -> p.path(field).asDouble(Double.NaN))
        .min()
        .orElse(Double.NaN);
  }

  private static Path group(Path dir, String name, Job job, int samples, int epochs)
      throws IOException {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode args = root.putArray("members").addObject().putArray("args");
    List.of(
            "--trial-id",
            name,
            "--activation",
            job.activation,
            "--optimizer",
            job.optimizer,
            "--batch-size",
            String.valueOf(job.batchSize),
            "--num-epochs",
            String.valueOf(epochs),
            "--train-samples",
            String.valueOf(samples),
            "--device",
            "cpu",
            "--model-dir",
            dir.resolve(name).toString(),
            // What a lane's trials write too: a checkpoint each epoch and TensorBoard events.
            "--checkpoint-dir",
            dir.resolve(name + "-checkpoint").toString(),
            "--tensorboard-dir",
            dir.resolve(name + "-tensorboard").toString())
        .forEach(args::add);
    Path file = dir.resolve(name + ".json");
    Files.write(file, JSON.writeValueAsBytes(root));
    return file;
  }

  private static Map<String, String> flags(String[] args) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (String a : args) {
      if (!a.startsWith("--") || !a.contains("=")) {
        throw usage("flags are --name=value, not " + a);
      }
      flags.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
    }
    return flags;
  }

  private static IllegalArgumentException usage(String why) {
    System.err.println(why);
    System.exit(2);
    return new IllegalArgumentException(why);
  }
}
