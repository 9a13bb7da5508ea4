package dev.tunebeam.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunebeam.pipeline.study.Backends;
import dev.tunebeam.transforms.run.StudyRun;
import dev.tunebeam.transforms.search.Schedule.Shape;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schedules with barriers get one local worker more than the cores; the others one per core; a flag
 * wins.
 */
@Tag("integration")
class SpareWorkerTest {
  private static final int CORES = Runtime.getRuntime().availableProcessors();

  @TempDir java.nio.file.Path out;

  private int workers(Shape shape, String... flags) {
    String[] args = new String[flags.length + 3];
    args[0] = "--output=" + out;
    args[1] = "--fuse=off";
    args[2] = "--device=cpu";
    System.arraycopy(flags, 0, args, 3, flags.length);
    SearchOptions o = PipelineOptionsFactory.fromArgs(args).as(SearchOptions.class);
    try (StudyRun run = StudyRun.create()) {
      return Backends.local(o, run, shape).workersOnThisMachine();
    }
  }

  @Test
  void schedulesOfRungsGetASpareWorker() {
    // Halving and Hyperband plan rungs; grid and random one shot; TPE rounds.
    assertEquals(CORES + 1, workers(Shape.RUNGS));
    assertEquals(CORES, workers(Shape.ONE_SHOT));
    assertEquals(CORES, workers(Shape.ROUNDS));
    assertEquals(2, workers(Shape.RUNGS, "--localWorkers=2"));
  }
}
