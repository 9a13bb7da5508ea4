package dev.tunebeam.transforms.local;

import ai.djl.util.cuda.CudaUtils;
import dev.tunebeam.trainer.train.DeviceChoice;
import dev.tunebeam.transforms.run.StudyRun;
import java.util.concurrent.Semaphore;

/**
 * How many trainings run at once. Two bounds, one per owner:
 *
 * <ul>
 *   <li>per run: its workers ({@link #resolveWorkers}: on a CPU one per core, each with one compute
 *       thread, which measured 1.3x faster than one worker with two threads on 2 cores; one more
 *       with {@link LocalSettings#spareWorker}; one when a GPU is visible), a pool in the run's
 *       state, so one run's settings never size another's. The spare worker shares the cores with
 *       the others, so a rung's last trials share every core instead of leaving one idle: the
 *       reference halving study took 5.7 min with 3 workers on 2 cores against 6.6 min with 2, its
 *       epochs at 3 workers 1.47x as long, as the shares say (1.5x). A grid, whose only barrier is
 *       its end, took 22.0 min at 3 workers and 22.1 min at 2, so it has none;
 *   <li>per machine: {@link #MACHINE}, {@link #COMPUTE_THREADS} permits, fixed when the class
 *       loads. A one-thread worker holds one; a worker of several threads ({@link #resolveThreads}:
 *       by default its run's share, cores / workers; all of them for a GPU worker) holds one more
 *       than its threads, so it never shares a core: PyTorch's OpenMP threads spin at every barrier
 *       and two of them beside a busy core trained 2.6x slower than one. So runs training at the
 *       same time in one JVM share the cores instead of oversubscribing them, and a run alone with
 *       the default threads is bounded only by its own workers.
 * </ul>
 *
 * In-process training (DJL's gradient collector is process-global) takes turns JVM-wide.
 */
final class WorkerSlots {
  static final int CORES = Runtime.getRuntime().availableProcessors();

  /**
   * Compute threads this machine runs at once, whichever runs use them: one more than its cores.
   */
  static final int COMPUTE_THREADS = CORES + 1;

  /** The machine's compute threads, whichever runs use them. */
  static final Semaphore MACHINE = new Semaphore(COMPUTE_THREADS, true);

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

    /**
     * Waits for {@code workers} of the run's slots, then for their share of the machine's cores.
     */
    void acquire(int workers) throws InterruptedException {
      run.acquire(workers);
      try {
        MACHINE.acquire(cores(workers));
      } catch (InterruptedException e) {
        run.release(workers);
        throw e;
      }
    }

    /**
     * For a group holding one slot whose run has {@code idle} lanes with nothing queued for them:
     * takes up to that many more slots, so its worker trains with their threads too, as far as the
     * cores go and the machine has them free now. Returns how many it took; never waits, so no
     * other group's cores are taken from it. Released with the group's own, as {@code 1 + taken}.
     */
    int tryWiden(int idle) {
      for (int n = Math.min(idle, CORES / share - 1); n > 0; n--) {
        if (run.tryAcquire(n)) {
          if (MACHINE.tryAcquire(cores(1 + n) - cores(1))) {
            return n;
          }
          run.release(n);
        }
      }
      return 0;
    }

    /** Compute threads of one process holding {@code workers} slots. */
    int threads(int workers) {
      return Math.min(CORES, workers * share);
    }

    void release(int workers) {
      MACHINE.release(cores(workers));
      run.release(workers);
    }

    /** Permits for one process of {@code workers} slots' threads (a wide group is one process). */
    private int cores(int workers) {
      int threads = workers * share;
      return threads == 1 ? 1 : Math.min(COMPUTE_THREADS, threads + 1);
    }
  }

  /** The slots of {@code settings}' run: its own pool of {@link #resolveWorkers} workers. */
  static Slots forRun(LocalSettings settings) {
    if (settings.inProcess()) {
      return new Slots(IN_PROCESS, 1, Math.min(CORES, resolveThreads(settings, 1)));
    }
    int workers = resolveWorkers(settings);
    StudyRun run = settings.run();
    // Keyed by the size too: two transforms of one run with different worker counts each keep
    // theirs.
    Semaphore pool =
        run.state()
            .part("local.workers." + workers, Semaphore.class, () -> new Semaphore(workers, true));
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
    return s.spareWorker() ? CORES + 1 : CORES;
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
