package dev.tunebeam.transforms.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Child processes of the local backend: the built-in trainer's JVM ({@link #javaCommand}, run
 * long-lived by {@link WarmWorker}) or any trainer command ({@link #exec}). A native crash in the
 * child ends only that child. The child says how it ended in its outcome file; only when it wrote
 * none (it crashed) do its last lines explain.
 */
final class WorkerProcess {
  private static final int TAIL_LINES = 40;

  private static final ProcessBuilder.Redirect NO_INPUT =
      ProcessBuilder.Redirect.from(
          new java.io.File(
              System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null"));

  private WorkerProcess() {}

  record Exit(int code, String tail, boolean timedOut) {
    boolean ok() {
      return code == 0 && !timedOut;
    }
  }

  /**
   * A watchdog that kills the worker when its time is up; a hung native call cannot hold a slot
   * forever.
   */
  static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "tunebeam-worker-watchdog");
            t.setDaemon(true);
            return t;
          });

  /**
   * The last {@link #TAIL_LINES} lines a child printed: what explains an exit it did not report.
   */
  static final class Tail {
    private final Deque<String> lines = new ArrayDeque<>();

    void add(String line) {
      lines.addLast(line);
      if (lines.size() > TAIL_LINES) {
        lines.removeFirst();
      }
    }

    String text() {
      return String.join("\n", lines);
    }
  }

  /** Kills {@code process} and its children. */
  static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  /**
   * Kills {@code process} after {@code timeoutSeconds} (0: never), setting {@code timedOut}; null
   * when there is no limit.
   */
  static ScheduledFuture<?> watch(Process process, long timeoutSeconds, AtomicBoolean timedOut) {
    return timeoutSeconds <= 0
        ? null
        : WATCHDOG.schedule(
            () -> {
              timedOut.set(true);
              kill(process);
            },
            timeoutSeconds,
            TimeUnit.SECONDS);
  }

  /** Where the worker training {@code groupFile} writes how it ended. */
  static Path outcomeFile(Path groupFile) {
    return groupFile.resolveSibling(groupFile.getFileName() + ".outcome.json");
  }

  /**
   * The worker's own JVM: this JVM's java, classpath and offline switch, with a heap bound and
   * extra options.
   */
  static List<String> javaCommand(String heap, List<String> jvmOptions) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.addAll(jvmOptions);
    command.add("-Dai.djl.offline=true");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    return command;
  }

  /**
   * Runs any command (an argument list, no shell) with {@code env} added to this process's
   * environment, an empty stdin, stdout and stderr merged into {@code lines}; killed with its
   * children after {@code timeoutSeconds} (0: no limit).
   */
  static Exit exec(
      List<String> command, Map<String, String> env, long timeoutSeconds, Consumer<String> lines)
      throws IOException, InterruptedException {
    // An empty stdin: a trainer that reads it (input(), a login prompt) sees end of file at once
    // instead of waiting forever on a pipe nobody writes.
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectInput(NO_INPUT);
    builder.environment().putAll(env);
    Process process = builder.start();
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> watchdog = watch(process, timeoutSeconds, timedOut);
    Tail tail = new Tail();
    boolean readToEnd = false;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        lines.accept(line);
        tail.add(line);
      }
      readToEnd = true;
    } finally {
      if (!readToEnd && process.isAlive()) {
        process.destroyForcibly();
      }
    }
    // The end of its output is not its exit: a JVM still runs its shutdown for a moment, and
    // killing it then would turn a success into "killed by signal 9". The watchdog still bounds the
    // wait.
    int code = process.waitFor();
    if (watchdog != null) {
      watchdog.cancel(false);
    }
    return new Exit(code, tail.text(), timedOut.get());
  }
}
