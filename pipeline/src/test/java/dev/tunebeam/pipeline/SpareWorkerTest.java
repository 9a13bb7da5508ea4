package dev.tunebeam.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunebeam.pipeline.study.Backends;
import dev.tunebeam.transforms.run.StudyRun;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study given a spare worker ({@link dev.tunebeam.pipeline.study.SpareWorkerChoice}) gets one
 * local worker more than the cores, others one per core; a flag wins.
 */
@Tag("integration")
class SpareWorkerTest {
  private static final int CORES = Runtime.getRuntime().availableProcessors();

  @TempDir java.nio.file.Path out;

  private int workers(boolean spare, String... flags) {
    String[] args = new String[flags.length + 3];
    args[0] = "--output=" + out;
    args[1] = "--fuse=off";
    args[2] = "--device=cpu";
    System.arraycopy(flags, 0, args, 3, flags.length);
    SearchOptions o = PipelineOptionsFactory.fromArgs(args).as(SearchOptions.class);
    try (StudyRun run = StudyRun.create()) {
      return Backends.local(o, run, spare).workersOnThisMachine();
    }
  }

  @Test
  void aSpareWorkerIsOneMoreThanTheCores() {
    assertEquals(CORES + 1, workers(true));
    assertEquals(CORES, workers(false));
    assertEquals(2, workers(true, "--localWorkers=2"));
  }
}
