package dev.tunebeam.transforms.local;

import dev.tunebeam.trainer.train.DeviceChoice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.transforms.run.StudyRun;
import dev.tunebeam.transforms.space.Trial;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How many trainings a JVM runs at once: on a Dataflow GPU worker (--device=gpu) one trainer
 * process owns the GPU and gets every core for its input pipeline; on CPUs one per core. Each
 * run has its own pool; the machine's cores are one pool for all runs.
 */
class WorkerSlotsTest {
  private static final int CORES = Runtime.getRuntime().availableProcessors();

  private static LocalSettings settings(String device, int workers, int threads) {
    return LocalSettings.defaults("/tmp/out").toBuilder()
        .setDevice(DeviceChoice.parse("device", device))
        .setWorkers(workers)
        .setThreadsPerWorker(threads)
        .build();
  }

  @Test
  void aGpuGetsOneTrainerProcessWithEveryCore() {
    LocalSettings gpu = settings("gpu", 0, 0);
    int workers = WorkerSlots.resolveWorkers(gpu);
    assertEquals(1, workers);
    assertEquals(CORES, WorkerSlots.resolveThreads(gpu, workers));
    assertTrue(LocalTrial.args(Trial.of("gpu-study", Map.of("activation", "relu", "optimizer", "adam", "batch_size", "64", "num_epochs", "2")), gpu)
        .containsAll(List.of("--device", "gpu")), "each trainer process is told to use the GPU");
  }

  @Test
  void cpusGetOneProcessPerCoreWithOneThreadEach() {
    LocalSettings cpu = settings("cpu", 0, 0);
    assertEquals(CORES, WorkerSlots.resolveWorkers(cpu));
    assertEquals(1, WorkerSlots.resolveThreads(cpu, CORES));
  }

  @Test
  void explicitCountsWinAndInProcessIsOne() {
    assertEquals(3, WorkerSlots.resolveWorkers(settings("gpu", 3, 0)));
    assertEquals(2, WorkerSlots.resolveThreads(settings("cpu", 0, 2), CORES));
    assertEquals(1, WorkerSlots.resolveWorkers(settings("cpu", 4, 0).toBuilder().setInProcess(true).build()));
  }

  @Test
  void eachRunHasItsOwnWorkersAndTheMachinesCoresAreSharedByAll() throws Exception {
    try (StudyRun first = StudyRun.create(); StudyRun second = StudyRun.create()) {
      WorkerSlots.Slots a = WorkerSlots.forRun(settings("cpu", 1, 1).toBuilder().setRun(first).build());
      WorkerSlots.Slots b = WorkerSlots.forRun(settings("cpu", 5, 1).toBuilder().setRun(second).build());
      assertEquals(1, a.size(), "sized by its own run's settings, whoever came first");
      assertEquals(5, b.size());
      int free = WorkerSlots.MACHINE.availablePermits();
      a.acquire(1);
      b.acquire(1);
      assertEquals(free - Math.min(2, CORES), WorkerSlots.MACHINE.availablePermits(), "one core per compute thread, from one pool");
      a.release(1);
      b.release(1);
      assertEquals(free, WorkerSlots.MACHINE.availablePermits());
      // A worker with every core's threads holds them all: a second run's worker waits for it.
      WorkerSlots.Slots wide = WorkerSlots.forRun(settings("cpu", 1, 0).toBuilder().setRun(first).build());
      wide.acquire(1);
      assertEquals(free - CORES, WorkerSlots.MACHINE.availablePermits());
      wide.release(1);
    }
  }
}
