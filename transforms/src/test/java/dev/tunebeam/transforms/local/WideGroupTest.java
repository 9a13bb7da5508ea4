package dev.tunebeam.transforms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunebeam.trainer.data.DataLocator;
import dev.tunebeam.trainer.report.MetricsReport;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.Trial;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three equal trials on two workers, with costs that say one worker on both cores trains 1.5x
 * faster: the plan trains two side by side with a thread each and the third after them with both
 * threads, as each trial's metrics.json records (real training on 512 real images).
 */
@ExtendWith(TestPipelineExtension.class)
class WideGroupTest {
  @TempDir Path out;

  @Test
  void theLastGroupTrainsWithEveryWorkersThreads(TestPipeline p) throws Exception {
    List<Trial> trials =
        SearchSpace.builder("wide-test")
            .categorical("activation", "relu", "tanh", "leakyrelu")
            .fixed("optimizer", "adam")
            .fixed("num_epochs", "1")
            .fixed("train_samples", "512")
            .fixed("test_samples", "256")
            .fixed("validation_samples", "256")
            .build()
            .trials(10);
    p.apply(Create.of(trials))
        .apply(
            TrainLocally.to(out.toString())
                .withDataDirectory(DataLocator.DEBIAN_DIR.toString())
                .withWorkers(2)
                .withThreadsPerWorker(1)
                .withLanes(2)
                .withFusionCosts(new FusionCosts(1.0, 0, 1.5)));
    p.run().waitUntilFinish();
    List<Integer> threads = new ArrayList<>();
    for (Trial t : trials) {
      MetricsReport m =
          TrialArtifacts.readMetrics(TrialArtifacts.trialDirectory(out.toString(), t.id()))
              .orElseThrow();
      threads.add(m.compute().threads());
    }
    threads.sort(null);
    assertEquals(List.of(1, 1, 2), threads);
  }
}
