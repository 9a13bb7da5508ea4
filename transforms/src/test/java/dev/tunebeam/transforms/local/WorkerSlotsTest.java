package dev.tunebeam.transforms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.trainer.train.DeviceChoice;
import dev.tunebeam.transforms.run.StudyRun;
import dev.tunebeam.transforms.study.Trial;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How many trainings a JVM runs at once: on a Dataflow GPU worker (--device=gpu) one trainer
 * process owns the GPU and gets every core for its input pipeline; on CPUs one per core. Each run
 * has its own pool; the machine's cores are one pool for all runs.
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
    assertTrue(
        LocalTrial.args(
                Trial.of(
                    "gpu-study",
                    Map.of(
                        "activation",
                        "relu",
                        "optimizer",
                        "adam",
                        "batch_size",
                        "64",
                        "num_epochs",
                        "2")),
                gpu)
            .containsAll(List.of("--device", "gpu")),
        "each trainer process is told to use the GPU");
  }

  @Test
  void cpusGetOneProcessPerCoreWithOneThreadEach() {
    LocalSettings cpu = settings("cpu", 0, 0);
    assertEquals(CORES, WorkerSlots.resolveWorkers(cpu));
    assertEquals(1, WorkerSlots.resolveThreads(cpu, CORES));
  }

  @Test
  void aSpareWorkerIsOneMoreThanTheCoresAndTheMachineRunsIt() throws Exception {
    LocalSettings spare = settings("cpu", 0, 0).toBuilder().setSpareWorker(true).build();
    assertEquals(CORES + 1, WorkerSlots.resolveWorkers(spare));
    assertEquals(1, WorkerSlots.resolveThreads(spare, CORES + 1));
    assertEquals(
        3,
        WorkerSlots.resolveWorkers(settings("cpu", 3, 0).toBuilder().setSpareWorker(true).build()),
        "an explicit count wins");
    try (StudyRun run = StudyRun.create()) {
      WorkerSlots.Slots slots = WorkerSlots.forRun(spare.toBuilder().setRun(run).build());
      int free = WorkerSlots.MACHINE.availablePermits();
      slots.acquire(1);
      for (int i = 1; i < CORES + 1; i++) {
        slots.acquire(1);
      }
      assertEquals(
          free - (CORES + 1),
          WorkerSlots.MACHINE.availablePermits(),
          "every one-thread worker runs at once");
      for (int i = 0; i < CORES + 1; i++) {
        slots.release(1);
      }
    }
  }

  @Test
  void explicitCountsWinAndInProcessIsOne() {
    assertEquals(3, WorkerSlots.resolveWorkers(settings("gpu", 3, 0)));
    assertEquals(2, WorkerSlots.resolveThreads(settings("cpu", 0, 2), CORES));
    assertEquals(
        1,
        WorkerSlots.resolveWorkers(settings("cpu", 4, 0).toBuilder().setInProcess(true).build()));
  }

  @Test
  void eachRunHasItsOwnWorkersAndTheMachinesCoresAreSharedByAll() throws Exception {
    try (StudyRun first = StudyRun.create();
        StudyRun second = StudyRun.create()) {
      WorkerSlots.Slots a =
          WorkerSlots.forRun(settings("cpu", 1, 1).toBuilder().setRun(first).build());
      WorkerSlots.Slots b =
          WorkerSlots.forRun(settings("cpu", 5, 1).toBuilder().setRun(second).build());
      assertEquals(1, a.size(), "sized by its own run's settings, whoever came first");
      assertEquals(5, b.size());
      int free = WorkerSlots.MACHINE.availablePermits();
      a.acquire(1);
      b.acquire(1);
      assertEquals(
          free - 2,
          WorkerSlots.MACHINE.availablePermits(),
          "one permit per one-thread worker, from one pool");
      a.release(1);
      b.release(1);
      assertEquals(free, WorkerSlots.MACHINE.availablePermits());
      // A worker of several threads never shares a core: one with every core's threads holds every
      // permit.
      WorkerSlots.Slots wide =
          WorkerSlots.forRun(settings("cpu", 1, 0).toBuilder().setRun(first).build());
      wide.acquire(1);
      assertEquals(
          free - (CORES > 1 ? WorkerSlots.COMPUTE_THREADS : 1),
          WorkerSlots.MACHINE.availablePermits());
      wide.release(1);
    }
  }

  @Test
  void aGroupWithIdleLanesBesideItTakesTheirCoresAndGivesThemBack() throws Exception {
    try (StudyRun run = StudyRun.create()) {
      // The halving study's engine: one more one-thread worker than cores.
      WorkerSlots.Slots slots =
          WorkerSlots.forRun(
              settings("cpu", 0, 0).toBuilder().setSpareWorker(true).setRun(run).build());
      int free = WorkerSlots.MACHINE.availablePermits();
      slots.acquire(1);
      int taken = slots.tryWiden(CORES);
      assertEquals(CORES - 1, taken, "as many as the cores allow, not every idle lane");
      assertEquals(CORES, slots.threads(1 + taken));
      assertEquals(
          free - (CORES > 1 ? WorkerSlots.COMPUTE_THREADS : 1),
          WorkerSlots.MACHINE.availablePermits(),
          "a worker of several threads holds one more permit than its threads");
      assertEquals(0, slots.tryWiden(1), "nothing left to take");
      slots.release(1 + taken);
      assertEquals(free, WorkerSlots.MACHINE.availablePermits());
    }
  }

  @Test
  void aGroupNeverTakesCoresThatAnotherGroupHolds() throws Exception {
    try (StudyRun run = StudyRun.create()) {
      WorkerSlots.Slots slots =
          WorkerSlots.forRun(settings("cpu", 0, 0).toBuilder().setRun(run).build());
      int free = WorkerSlots.MACHINE.availablePermits();
      for (int i = 0; i < CORES; i++) {
        slots.acquire(1);
      }
      assertEquals(0, slots.tryWiden(CORES), "every worker of the run is busy");
      assertEquals(free - CORES, WorkerSlots.MACHINE.availablePermits(), "and nothing was held");
      for (int i = 0; i < CORES; i++) {
        slots.release(1);
      }
    }
  }
}
