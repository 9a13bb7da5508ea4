package dev.tunebeam.transforms.local;

import dev.tunebeam.trainer.train.DeviceChoice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.transforms.space.Trial;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How many trainings a JVM runs at once: on a Dataflow GPU worker (--device=gpu) one trainer
 * process owns the GPU and gets every core for its input pipeline; on CPUs one per core.
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
}
