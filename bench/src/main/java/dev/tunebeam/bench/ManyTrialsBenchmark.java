package dev.tunebeam.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunebeam.pipeline.SearchPipeline;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Thousands of trials: a random search whose trainer (a command under the trial contract) only
 * sleeps, so every second above the minimum (trials x sleep / workers) is the engine's own
 * bookkeeping. Prints the wall time against that minimum, the overhead per trial per lane, the
 * pipeline JVM's peak memory (resident, and heap in use) and the size of the report it wrote. Ray
 * Tune's own benchmark, for scale: 10,000 one-second trials on 16 cores in 715 s against a 625 s
 * minimum, about 0.14 s per trial per lane.
 *
 * <pre>
 * java -cp pipeline/target/tunebeam.jar:bench/target/tunebeam-bench.jar \
 *     dev.tunebeam.bench.ManyTrialsBenchmark TRIALS SECONDS [WORKERS [SearchPipeline options...]]
 * </pre>
 *
 * e.g. {@code 1000 0.5}, {@code 2000 0.1}; for memory, {@code 20000 0} with {@code
 * -Dbench.liveHeap=true}, which collects the garbage every 5 s to read the heap that is really in
 * use (slower, so not for the timings).
 */
public final class ManyTrialsBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ManyTrialsBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: ManyTrialsBenchmark TRIALS SECONDS [WORKERS [options...]]");
      System.exit(2);
    }
    int trials = Integer.parseInt(args[0]);
    double seconds = Double.parseDouble(args[1]);
    int workers = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    Path dir = Files.createTempDirectory("tunebeam-many-trials-");
    Path trainer = dir.resolve("sleep_trainer.sh");
    try (InputStream in = ManyTrialsBenchmark.class.getResourceAsStream("sleep_trainer.sh")) {
      Files.write(trainer, in.readAllBytes());
    }
    Files.setPosixFilePermissions(trainer, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path space = dir.resolve("space.yaml");
    Files.writeString(
        space,
        """
        study: many-trials
        algorithm: random
        samples: %d
        seed: 1
        trainer:
          command: [%s]
          workers: %d
        parameters:
          x: {type: double, min: 0, max: 1}
        fixed:
          sleep: %s
          num_epochs: 1
        """
            .formatted(trials, trainer, workers, seconds));
    Path output = dir.resolve("out");
    List<String> all = new ArrayList<>();
    all.add("--searchSpace=" + space);
    all.add("--output=" + output);
    all.add("--maxTrials=" + trials);
    for (int i = 3; i < args.length; i++) {
      all.add(args[i]);
    }
    AtomicLong peakHeap = new AtomicLong();
    AtomicLong peakLive = new AtomicLong();
    boolean live = Boolean.getBoolean("bench.liveHeap");
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    Thread sampler =
        new Thread(
            () -> {
              long lastGc = System.nanoTime();
              while (!Thread.currentThread().isInterrupted()) {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                if (live && System.nanoTime() - lastGc > 5_000_000_000L) {
                  System.gc();
                  lastGc = System.nanoTime();
                  peakLive.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                }
                try {
                  Thread.sleep(200);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    long start = System.nanoTime();
    int code = SearchPipeline.run(all.toArray(String[]::new), System.out, System.err);
    double wall = (System.nanoTime() - start) / 1e9;
    sampler.interrupt();
    JsonNode board = JSON.readTree(output.resolve("results.json").toFile());
    double minimum = trials * seconds / workers;
    double trainingSeconds = board.path("utilisation").path("seconds").asDouble(Double.NaN);
    System.out.printf(
        Locale.ROOT,
        "MANY TRIALS: %d trials of %.2f s on %d workers: wall %.1f s against a %.1f s minimum"
            + " (%.2fx), %.3f s of overhead per trial per lane (lanes busy %.1f s of it,"
            + " utilisation %s); %d rows, %d succeeded; peak memory %.0f MiB resident, %.0f MiB"
            + " heap in use%s; report.html %.1f MiB; exit %d%n",
        trials,
        seconds,
        workers,
        wall,
        minimum,
        wall / Math.max(1e-9, minimum),
        (wall - minimum) * workers / trials,
        trainingSeconds,
        board.path("utilisation").path("fraction").asText("n/a"),
        board.path("trials").size(),
        board.path("succeeded").asInt(),
        ProcessFigures.peakResidentMib(),
        peakHeap.get() / 1048576.0,
        live
            ? String.format(Locale.ROOT, ", %.0f MiB live after GC", peakLive.get() / 1048576.0)
            : "",
        Files.size(output.resolve("report.html")) / 1048576.0,
        code);
    System.exit(code);
  }
}
