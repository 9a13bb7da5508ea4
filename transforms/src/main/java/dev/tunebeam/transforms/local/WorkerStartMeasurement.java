package dev.tunebeam.transforms.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a fresh worker costs beyond its epochs, measured on the real trainer: one worker trains
 * two epochs of {@link #SAMPLES} images, and whatever its wall time holds beyond two epochs at the
 * second epoch's pace is the start-up (the JVM, the engine, loading every image, the first
 * epoch's warm-up, writing its files, exiting) that each extra fused group pays again.
 */
final class WorkerStartMeasurement {
  static final int SAMPLES = 8192;
  private static final Logger LOG = LoggerFactory.getLogger(WorkerStartMeasurement.class);
  private static final Pattern EPOCH_TIME = Pattern.compile("Epoch time: ([0-9.]+) s");

  private WorkerStartMeasurement() {}

  /** @param seconds the start-up @param imagesPerSecond the steady pace, training images per second */
  record Start(double seconds, double imagesPerSecond) {}

  /** Empty when the worker could not train. */
  static Optional<Start> measure(int threads, String dataDir) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("tunebeam-worker-start-");
    try {
      List<String> command = WorkerProcess.javaCommand("2g", List.of());
      command.addAll(List.of(WorkerProcess.MAIN_CLASS, "--num-epochs", "2", "--train-samples", String.valueOf(SAMPLES),
          "--validation-samples", "1024", "--test-samples", "1024", "--model-dir", dir.toString(),
          "--checkpoint-dir", dir.resolve("checkpoint").toString()));
      if (threads > 0) {
        command.addAll(List.of("--threads", String.valueOf(threads)));
      }
      if (dataDir != null && !dataDir.isBlank()) {
        command.addAll(List.of("--data-dir", dataDir));
      }
      List<Double> epochs = new ArrayList<>();
      long started = System.nanoTime();
      WorkerProcess.Exit exit = WorkerProcess.exec(command, Map.of(), 600, line -> {
        Matcher m = EPOCH_TIME.matcher(line);
        if (m.find()) {
          epochs.add(Double.parseDouble(m.group(1)));
        }
      });
      double wall = (System.nanoTime() - started) / 1e9;
      if (!exit.ok() || epochs.size() != 2 || !(epochs.get(1) > 0)) {
        LOG.warn("--fuse=auto: the worker timing its start-up ended with code {} after {} epochs; its last lines: {}", exit.code(), epochs.size(),
            exit.tail());
        return Optional.empty();
      }
      double steady = epochs.get(1);
      return Optional.of(new Start(Math.max(0, wall - 2 * steady), SAMPLES / steady));
    } finally {
      TrialTempFiles.delete(dir);
    }
  }
}
