package dev.tunebeam.transforms.local;

import dev.tunebeam.trainer.train.DeviceChoice;
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

  /** The JVM's slots, and how many there are: created by the first caller, shared by all. */
  record Slots(Semaphore semaphore, int size) {}

  private WorkerSlots() {}

  static int resolveWorkers(LocalSettings s) {
    if (s.inProcess()) {
      return 1;
    }
    if (s.workers() > 0) {
      return s.workers();
    }
    if (s.device() == DeviceChoice.GPU || (s.device() == DeviceChoice.AUTO && gpus() > 0)) {
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

  /**
   * One pool per JVM, sized by the first caller: the cores (or the GPU) are the JVM's, whatever
   * transforms share them. Callers size their compute threads by the pool they got.
   */
  static synchronized Slots forWorkers(int workers) {
    if (slots == null) {
      slots = new Semaphore(workers, true);
      size = workers;
    }
    return new Slots(slots, size);
  }

  private static int gpus() {
    try {
      return CudaUtils.getGpuCount();
    } catch (RuntimeException | LinkageError e) {
      return 0;
    }
  }
}
