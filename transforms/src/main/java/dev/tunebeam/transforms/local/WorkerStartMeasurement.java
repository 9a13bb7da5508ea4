package dev.tunebeam.transforms.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one more group costs beyond its epochs, measured on the real trainer the way a lane runs it:
 * a {@link WarmWorker} trains two jobs of two epochs of {@link #SAMPLES} images each, and what the
 * second job's wall time holds beyond two epochs at its second epoch's pace is the start-up
 * (reading the group, loading the images, warming the model, writing its files) that each extra
 * fused group pays again. The first job pays the JVM and the engine, which a lane pays once.
 */
final class WorkerStartMeasurement {
  static final int SAMPLES = 16384;
  private static final Logger LOG = LoggerFactory.getLogger(WorkerStartMeasurement.class);

  /**
   * An epoch's seconds from its progress line, to the millisecond (the console line rounds to a
   * tenth).
   */
  private static final Pattern EPOCH_TIME = Pattern.compile("^@progress .*\"seconds\":([0-9.]+)");

  private WorkerStartMeasurement() {}

  /**
   * @param seconds the start-up @param imagesPerSecond the steady pace, training images per second
   */
  record Start(double seconds, double imagesPerSecond) {}

  /** Empty when the worker could not train. */
  static Optional<Start> measure(int threads, String dataDir)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("tunebeam-worker-start-");
    try (WarmWorker worker = WarmWorker.start("2g", List.of())) {
      Optional<Start> cold = timeJob(worker, dir.resolve("cold"), threads, dataDir);
      Optional<Start> warm =
          cold.isEmpty() ? cold : timeJob(worker, dir.resolve("warm"), threads, dataDir);
      warm.ifPresent(
          w ->
              LOG.info(
                  "--fuse=auto: a group costs {} s beyond its epochs in a fresh worker, {} s in a warm one",
                  String.format(Locale.ROOT, "%.2f", cold.get().seconds()),
                  String.format(Locale.ROOT, "%.2f", w.seconds())));
      return warm;
    } finally {
      TrialTempFiles.delete(dir);
    }
  }

  private static Optional<Start> timeJob(WarmWorker worker, Path dir, int threads, String dataDir)
      throws IOException {
    Files.createDirectories(dir);
    Path spec = dir.resolve("group.json");
    GroupSpecFiles.write(spec, List.of(memberArgs(dir, dataDir)));
    List<Double> epochs = new ArrayList<>();
    long started = System.nanoTime();
    WorkerProcess.Exit exit =
        worker.train(
            spec,
            threads,
            dir.resolve("outcome.json"),
            600,
            line -> {
              Matcher m = EPOCH_TIME.matcher(line);
              if (m.find()) {
                epochs.add(Double.parseDouble(m.group(1)));
              }
            });
    double wall = (System.nanoTime() - started) / 1e9;
    if (!exit.ok() || epochs.size() != 2 || !(epochs.get(1) > 0)) {
      LOG.warn(
          "--fuse=auto: the worker timing its start-up ended with code {} after {} epochs; its last lines: {}",
          exit.code(),
          epochs.size(),
          exit.tail());
      return Optional.empty();
    }
    double steady = epochs.get(1);
    return Optional.of(new Start(Math.max(0, wall - 2 * steady), SAMPLES / steady));
  }

  private static List<String> memberArgs(Path dir, String dataDir) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--trial-id",
                "start",
                "--num-epochs",
                "2",
                "--train-samples",
                String.valueOf(SAMPLES),
                "--validation-samples",
                "1024",
                "--test-samples",
                "1024",
                "--model-dir",
                dir.toString(),
                "--checkpoint-dir",
                dir.resolve("checkpoint").toString()));
    if (dataDir != null && !dataDir.isBlank()) {
      args.addAll(List.of("--data-dir", dataDir));
    }
    return args;
  }
}
