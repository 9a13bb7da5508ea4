package dev.tunebeam.trainer.train;

import java.time.Duration;

/**
 * CPU seconds this process has used so far, every thread counted (NaN where the platform does not
 * say). An epoch's CPU seconds are what a warm worker's pace is judged by: unlike its wall time
 * they do not grow when other processes share the cores, but they do when the worker itself works
 * harder for the same images (page faults, spinning threads).
 */
final class ProcessCpu {
  private ProcessCpu() {}

  static double seconds() {
    return ProcessHandle.current()
        .info()
        .totalCpuDuration()
        .map(Duration::toNanos)
        .map(n -> n / 1e9)
        .orElse(Double.NaN);
  }
}
