package dev.tunebeam.transforms.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunebeam.trainer.TrainerWorker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long-lived trainer JVM ({@code TrainerWorker}) that trains group after group, so a lane pays
 * the JVM, the engine and the warm-up once instead of once per group. A job that does not end well
 * (a crash, a timeout, an error) ends the worker too: the next group gets a fresh one, and nothing
 * a failed job left behind in this JVM can touch it. It starts with {@link WorkerMemory}'s
 * allocator settings, and a worker whose last job trained well below its own earlier pace ({@link
 * WorkerPace}) is retired the same way.
 */
final class WarmWorker implements AutoCloseable {
  static final String MAIN_CLASS = TrainerWorker.class.getName();
  private static final Logger LOG = LoggerFactory.getLogger(WarmWorker.class);
  private static final long EXIT_SECONDS = 10;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final BufferedReader out;
  private final OutputStream in;
  private final WorkerPace pace;
  private boolean broken;
  private String retired;

  private WarmWorker(Process process, WorkerPace pace) {
    this.process = process;
    this.pace = pace;
    this.out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.in = process.getOutputStream();
  }

  static WarmWorker start(String heap, List<String> jvmOptions) throws IOException {
    return start(heap, jvmOptions, WorkerMemory::applyTo, new WorkerPace());
  }

  /**
   * As {@link #start(String, List)}, with the process's environment prepared by {@code environment}
   * (benchmarks compare with glibc's defaults) and the pace judged by {@code pace}.
   */
  static WarmWorker start(
      String heap,
      List<String> jvmOptions,
      Consumer<Map<String, String>> environment,
      WorkerPace pace)
      throws IOException {
    List<String> command = WorkerProcess.javaCommand(heap, jvmOptions);
    command.add(MAIN_CLASS);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    environment.accept(builder.environment());
    return new WarmWorker(builder.start(), pace);
  }

  /** The worker's process. */
  ProcessHandle handle() {
    return process.toHandle();
  }

  /** Whether the next job may be given to this worker. */
  boolean reusable() {
    return !broken && process.isAlive();
  }

  /**
   * Trains {@code groupFile} with {@code threads} compute threads (0: the engine's default), its
   * outcome written to {@code outcomeFile}; killed after {@code timeoutSeconds} (0: no limit).
   */
  WorkerProcess.Exit train(
      Path groupFile, int threads, Path outcomeFile, long timeoutSeconds, Consumer<String> lines)
      throws IOException {
    String id = UUID.randomUUID().toString();
    ObjectNode job = JSON.createObjectNode().put("id", id);
    var args =
        job.putArray("args")
            .add("--group")
            .add(groupFile.toString())
            .add("--outcome-file")
            .add(outcomeFile.toString());
    if (threads > 0) {
      args.add("--threads").add(String.valueOf(threads));
    }
    pace.startJob(threads);
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> watchdog = WorkerProcess.watch(process, timeoutSeconds, timedOut);
    try {
      send(JSON.writeValueAsString(job));
      WorkerProcess.Tail tail = new WorkerProcess.Tail();
      String end = TrainerWorker.DONE + id + " ";
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        // Output that did not end its line carries the marker at its end.
        int at = line.indexOf(end);
        String own = at < 0 ? line : line.substring(0, at);
        if (at < 0 || !own.isEmpty()) {
          lines.accept(own);
          tail.add(own);
          pace.accept(own);
        }
        if (at >= 0) {
          int code = Integer.parseInt(line.substring(at + end.length()).trim());
          broken = code != 0;
          if (!broken) {
            retireIfSlower();
          }
          return new WorkerProcess.Exit(code, tail.text(), false);
        }
      }
      // Its output ended before the job did: it died, so its exit code explains.
      broken = true;
      return new WorkerProcess.Exit(waitForExit(), tail.text(), timedOut.get());
    } finally {
      if (watchdog != null) {
        watchdog.cancel(false);
      }
    }
  }

  /**
   * Loads the engine and parses the data in the worker ahead of its first group ({@code
   * TrainerWorker}'s warm job); nothing is trained and the worker's pace is not touched. False when
   * the worker died meanwhile (it is then not reusable); a warm-up that failed inside a live worker
   * leaves it usable, and its first job pays the start-up instead.
   */
  boolean warmUp(String dataDir, int threads) throws IOException {
    String id = "warm-" + UUID.randomUUID();
    ObjectNode job = JSON.createObjectNode().put("id", id);
    ObjectNode warm = job.putObject("warm").put("threads", threads);
    if (dataDir != null && !dataDir.isBlank()) {
      warm.put("data_dir", dataDir);
    }
    send(JSON.writeValueAsString(job));
    String end = TrainerWorker.DONE + id + " ";
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.contains(end)) {
        return true;
      }
      LOG.debug("worker {} warm-up: {}", process.pid(), line);
    }
    broken = true;
    return false;
  }

  /** Why this worker was retired for its pace, if it was. */
  Optional<String> retired() {
    return Optional.ofNullable(retired);
  }

  /** Logged once: a retired worker takes no further job. */
  private void retireIfSlower() {
    pace.endJob()
        .ifPresent(
            why -> {
              broken = true;
              retired = why;
              LOG.warn(
                  "warm worker {} retired: {}; the next group gets a fresh worker",
                  process.pid(),
                  why);
            });
  }

  private void send(String line) throws NotTaken {
    try {
      in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
    } catch (IOException e) {
      broken = true;
      throw new NotTaken(e);
    }
  }

  /** The worker had ended before it could take the job; nothing of the job ran. */
  static final class NotTaken extends IOException {
    NotTaken(IOException cause) {
      super("the worker process ended before it took the job: " + cause.getMessage(), cause);
    }
  }

  private int waitForExit() {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      WorkerProcess.kill(process);
      return -1;
    }
  }

  /**
   * Ends the worker without waiting for it: the end of its input lets it exit on its own, and one
   * still alive after {@link #EXIT_SECONDS} is killed.
   */
  @Override
  public void close() {
    broken = true;
    try {
      in.close();
    } catch (IOException e) {
      WorkerProcess.kill(process);
      return;
    }
    WorkerProcess.WATCHDOG.schedule(
        () -> {
          if (process.isAlive()) {
            WorkerProcess.kill(process);
          }
        },
        EXIT_SECONDS,
        TimeUnit.SECONDS);
  }
}
