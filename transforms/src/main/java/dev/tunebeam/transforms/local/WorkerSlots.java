package dev.tunebeam.transforms.local;

import ai.djl.util.cuda.CudaUtils;
import java.util.concurrent.Semaphore;

/**
 * How many trainings this JVM runs at once, shared by every bundle of every {@link TrainLocally}
 * in it: one per core on a CPU (each with one compute thread, which measured 1.3x faster than one
 * worker with two threads on 2 cores), one when a GPU is visible.
 */
final class WorkerSlots {
  private static Semaphore slots;
  private static int size;

  private WorkerSlots() {}

  static int resolveWorkers(LocalSettings s) {
    if (s.inProcess()) {
      return 1;
    }
    if (s.workers() > 0) {
      return s.workers();
    }
    if ("gpu".equals(s.device()) || ("auto".equals(s.device()) && gpus() > 0)) {
      return 1;
    }
    return Runtime.getRuntime().availableProcessors();
  }

  static int resolveThreads(LocalSettings s, int workers) {
    if (s.threadsPerWorker() > 0) {
      return s.threadsPerWorker();
    }
    return Math.max(1, Runtime.getRuntime().availableProcessors() / workers);
  }

  static synchronized Semaphore forWorkers(int workers) {
    if (slots == null) {
      slots = new Semaphore(workers, true);
      size = workers;
    }
    return slots;
  }

  static synchronized int size() {
    return size;
  }

  private static int gpus() {
    try {
      return CudaUtils.getGpuCount();
    } catch (RuntimeException | LinkageError e) {
      return 0;
    }
  }
}
