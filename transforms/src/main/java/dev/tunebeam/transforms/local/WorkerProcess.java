package dev.tunebeam.transforms.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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

  /** Seconds the output is read after the trainer exited, before what holds it open is ended. */
  static final long DRAIN_SECONDS = 3;

  /** Reads trainers' output: a thread each, so the trial waits for the process, not the pipe. */
  private static final ExecutorService READERS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "tunebeam-trainer-output");
            t.setDaemon(true);
            return t;
          });

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

    synchronized void add(String line) {
      lines.addLast(line);
      if (lines.size() > TAIL_LINES) {
        lines.removeFirst();
      }
    }

    synchronized String text() {
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
   * environment, an empty stdin, stdout and stderr merged into {@code lines} (each line bounded,
   * {@link BoundedLines}); killed with its children after {@code timeoutSeconds} (0: no limit).
   *
   * <p>The trial ends when the trainer process exits, not when its output ends: a child it left
   * running keeps the output pipe open, and waiting for end of file would wait forever (the timeout
   * covers the trainer, not its orphans). Output still in the pipe is read for {@link
   * #DRAIN_SECONDS}; then every process the trainer started ({@link ProcessTree}) is ended, and a
   * line in the output says so when any held the pipe.
   */
  static Exit exec(
      List<String> command, Map<String, String> env, long timeoutSeconds, Consumer<String> lines)
      throws IOException, InterruptedException {
    // An empty stdin: a trainer that reads it (input(), a login prompt) sees end of file at once
    // instead of waiting forever on a pipe nobody writes.
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectInput(NO_INPUT);
    builder.environment().putAll(env);
    String cookie = ProcessTree.newCookie();
    builder.environment().put(ProcessTree.VARIABLE, cookie);
    Process process = builder.start();
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> watchdog = watch(process, timeoutSeconds, timedOut);
    Tail tail = new Tail();
    AtomicReference<RuntimeException> refused = new AtomicReference<>();
    Future<?> reading =
        READERS.submit(
            () -> {
              BoundedLines.forEach(
                  process.getInputStream(),
                  line -> {
                    tail.add(line);
                    // A consumer that fails (the log cannot be written) must not stop the reading:
                    // the trainer would block on a full pipe. The failure is raised at the end.
                    try {
                      lines.accept(line);
                    } catch (RuntimeException e) {
                      refused.compareAndSet(null, e);
                    }
                  });
              return null;
            });
    int code;
    try {
      // The process itself, not its output: output may end before the exit (a JVM still runs its
      // shutdown, and killing it then would turn a success into "killed by signal 9") or long after
      // it (a child holding the pipe). The watchdog bounds the wait.
      code = process.waitFor();
    } catch (InterruptedException e) {
      kill(process);
      ProcessTree.end(process.toHandle(), cookie);
      reading.cancel(true);
      throw e;
    } finally {
      if (watchdog != null) {
        watchdog.cancel(false);
      }
    }
    boolean drained = finished(reading, DRAIN_SECONDS);
    // Nothing a trial started outlives it: a daemon it left behind, holding the pipe or not.
    int ended = ProcessTree.end(process.toHandle(), cookie);
    if (!drained) {
      boolean closed = finished(reading, DRAIN_SECONDS);
      String note =
          "[tunebeam: the trainer exited with code "
              + code
              + " but left "
              + ended
              + " process(es) holding its output open; they were ended"
              + (closed ? "" : ", and the rest of the output is not read")
              + "]";
      tail.add(note);
      lines.accept(note);
      if (!closed) {
        reading.cancel(true);
      }
    }
    if (refused.get() != null) {
      RuntimeException e = refused.get();
      throw e instanceof java.io.UncheckedIOException u ? u.getCause() : new IOException(e);
    }
    return new Exit(code, tail.text(), timedOut.get());
  }

  /** Whether {@code reading} reached the end of the output within {@code seconds}. */
  private static boolean finished(Future<?> reading, long seconds) throws InterruptedException {
    try {
      reading.get(seconds, TimeUnit.SECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return true; // the pipe failed: there is nothing more to read
    }
  }
}
