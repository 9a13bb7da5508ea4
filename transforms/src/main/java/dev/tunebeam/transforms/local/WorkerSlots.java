package dev.tunebeam.transforms.local;

import dev.tunebeam.trainer.train.DeviceChoice;
import ai.djl.util.cuda.CudaUtils;
import dev.tunebeam.transforms.run.StudyRun;
import java.util.concurrent.Semaphore;

/**
 * How many trainings run at once. Two bounds, one per owner:
 *
 * <ul>
 *   <li>per run: its workers ({@link #resolveWorkers}: one per core on a CPU, each with one
 *       compute thread, which measured 1.3x faster than one worker with two threads on 2 cores;
 *       one when a GPU is visible), a pool in the run's state, so one run's settings never size
 *       another's;
 *   <li>per machine: {@link #MACHINE}, one permit per core of this machine, fixed when the class
 *       loads. A worker holds one per compute thread it runs ({@link #resolveThreads}: by default
 *       its run's share, cores / workers; all of them for a GPU worker), so runs training at the
 *       same time in one JVM share the cores instead of oversubscribing them, and a run alone
 *       with the default threads is bounded only by its own workers. Threads asked beyond the
 *       cores wait for each other: the machine never runs more compute threads than it has cores.
 * </ul>
 *
 * In-process training (DJL's gradient collector is process-global) takes turns JVM-wide.
 */
final class WorkerSlots {
  static final int CORES = Runtime.getRuntime().availableProcessors();
  /** The cores of this machine, whichever runs use them. */
  static final Semaphore MACHINE = new Semaphore(CORES, true);
  /** DJL trains one model at a time per JVM: in-process groups of every run take turns. */
  private static final Semaphore IN_PROCESS = new Semaphore(1, true);

  private WorkerSlots() {}

  /** A run's worker pool and each worker's share of the machine. */
  static final class Slots {
    private final Semaphore run;
    private final int size;
    private final int share;

    Slots(Semaphore run, int size, int share) {
      this.run = run;
      this.size = size;
      this.share = share;
    }

    /** How many workers the run trains at once. */
    int size() {
      return size;
    }

    /** Waits for {@code workers} of the run's slots, then for their share of the machine's cores. */
    void acquire(int workers) throws InterruptedException {
      run.acquire(workers);
      try {
        MACHINE.acquire(cores(workers));
      } catch (InterruptedException e) {
        run.release(workers);
        throw e;
      }
    }

    void release(int workers) {
      MACHINE.release(cores(workers));
      run.release(workers);
    }

    private int cores(int workers) {
      return Math.min(CORES, workers * share);
    }
  }

  /** The slots of {@code settings}' run: its own pool of {@link #resolveWorkers} workers. */
  static Slots forRun(LocalSettings settings) {
    if (settings.inProcess()) {
      return new Slots(IN_PROCESS, 1, Math.min(CORES, resolveThreads(settings, 1)));
    }
    int workers = resolveWorkers(settings);
    StudyRun run = settings.run();
    // Keyed by the size too: two transforms of one run with different worker counts each keep theirs.
    Semaphore pool = run.state().part("local.workers." + workers, Semaphore.class, () -> new Semaphore(workers, true));
    return new Slots(pool, workers, Math.min(CORES, resolveThreads(settings, workers)));
  }

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
    return CORES;
  }

  static int resolveThreads(LocalSettings s, int workers) {
    if (s.threadsPerWorker() > 0) {
      return s.threadsPerWorker();
    }
    return Math.max(1, CORES / workers);
  }

  private static int gpus() {
    try {
      return CudaUtils.getGpuCount();
    } catch (RuntimeException | LinkageError e) {
      return 0;
    }
  }
}
