package dev.tunebeam.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * This JVM's own CPU time and that of the child processes it has reaped (the trainer workers and
 * their children), from {@code /proc/self/stat}, and its peak resident memory from {@code
 * /proc/self/status}: Linux only, which is where the benchmarks run.
 */
final class ProcessFigures {
  private static final double TICKS_PER_SECOND = 100.0;

  /** CPU seconds of this process (every thread) and of its reaped children. */
  record Cpu(double self, double children) {}

  private ProcessFigures() {}

  static Cpu cpu() throws IOException {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    // Fields after the command's closing parenthesis start at field 3; utime, stime, cutime and
    // cstime are fields 14 to 17.
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long utime = Long.parseLong(f[11]);
    long stime = Long.parseLong(f[12]);
    long cutime = Long.parseLong(f[13]);
    long cstime = Long.parseLong(f[14]);
    return new Cpu((utime + stime) / TICKS_PER_SECOND, (cutime + cstime) / TICKS_PER_SECOND);
  }

  /** Peak resident memory of this process, in MiB (VmHWM). */
  static double peakResidentMib() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return Double.NaN;
  }

  /**
   * Waits until this process has no child left (a run's workers end after it closes), so their CPU
   * time is counted, or until {@code limit}.
   */
  static void awaitChildren(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (ProcessHandle.current().children().findAny().isPresent()
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }
}
