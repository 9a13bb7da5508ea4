package dev.tunebeam.transforms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunebeam.trainer.data.DataLocator;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.study.Trial;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A group that no other group waits behind (a rung's or a study's last) trains on the cores of the
 * lanes that would otherwise idle until it ends; the threads a user chose are kept. Real training,
 * 512 images, read back from the trial's own record of its compute threads.
 */
@Tag("integration")
@ExtendWith(TestPipelineExtension.class)
class LoneGroupThreadsTest {
  private static final int CORES = Runtime.getRuntime().availableProcessors();

  @TempDir Path out;

  private static Trial lone() {
    return SearchSpace.builder("lone")
        .fixed("activation", "relu")
        .fixed("optimizer", "adam")
        .fixed("num_epochs", "1")
        .fixed("train_samples", "512")
        .fixed("test_samples", "256")
        .build()
        .trials(1)
        .get(0);
  }

  private int threadsOfTheLoneTrial(TestPipeline p, TrainLocally train) throws Exception {
    Trial trial = lone();
    p.apply(Create.of(List.of(trial))).apply(train);
    p.run().waitUntilFinish();
    JsonNode metrics =
        new ObjectMapper().readTree(out.resolve("trials/" + trial.id() + "/metrics.json").toFile());
    return metrics.path("compute").path("threads").asInt();
  }

  @Test
  void aLoneGroupTrainsOnTheIdleLanesCores(TestPipeline p) throws Exception {
    assumeTrue(CORES >= 2, "one core has no idle core to lend");
    int threads =
        threadsOfTheLoneTrial(
            p,
            TrainLocally.to(out.toString())
                .withDataDirectory(DataLocator.DEBIAN_DIR.toString())
                .withWorkers(2));
    assertEquals(2, threads, "one worker thread per lane, its own and the idle one's");
  }

  @Test
  void threadsTheUserChoseAreKept(TestPipeline p) throws Exception {
    int threads =
        threadsOfTheLoneTrial(
            p,
            TrainLocally.to(out.toString())
                .withDataDirectory(DataLocator.DEBIAN_DIR.toString())
                .withWorkers(2)
                .withThreadsPerWorker(1));
    assertEquals(1, threads);
  }
}
