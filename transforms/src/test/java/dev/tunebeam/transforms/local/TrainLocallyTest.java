package dev.tunebeam.transforms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.trainer.data.DataLocator;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Real training of a few trials on 512 real images, in worker processes and in process. */
@Tag("integration")
@ExtendWith(TestPipelineExtension.class)
class TrainLocallyTest {
  /**
   * Results seen by the pipeline, keyed by the test's output folder (PAssert runs in other
   * threads).
   */
  static final Map<String, List<TrialResult>> SEEN = new ConcurrentHashMap<>();

  @TempDir Path out;

  static List<Trial> trials() {
    List<Trial> trials =
        new ArrayList<>(
            SearchSpace.builder("local-test")
                .categorical("activation", "relu", "tanh")
                .fixed("optimizer", "adam")
                .fixed("num_epochs", "1")
                .fixed("train_samples", "512")
                .fixed("test_samples", "256")
                .build()
                .trials(10));
    // Valid for the trainer's parser, but larger than the 512 training images: fails at training
    // time.
    trials.add(
        Trial.of(
            "local-test",
            Map.of(
                "batch_size",
                "4096",
                "num_epochs",
                "1",
                "train_samples",
                "512",
                "test_samples",
                "256")));
    return trials;
  }

  private PipelineResult run(TestPipeline p, TrainLocally train) {
    String key = out.toString();
    SEEN.remove(key);
    PCollection<TrialResult> results = p.apply(Create.of(trials())).apply(train);
    PAssert.that(results)
        .satisfies(
            rs -> {
              List<TrialResult> all = new ArrayList<>();
              rs.forEach(all::add);
              SEEN.put(key, all);
              return null;
            });
    PipelineResult result = p.run();
    result.waitUntilFinish();
    return result;
  }

  private static long counter(PipelineResult result, String name) {
    long total = 0;
    for (MetricResult<Long> c :
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.named(TrainLocally.class, name))
                    .build())
            .getCounters()) {
      total += c.getAttempted();
    }
    return total;
  }

  @Test
  void trainsInWorkerProcessesAndRecordsTheFailedTrialWithoutStoppingTheOthers(TestPipeline p)
      throws Exception {
    PipelineResult result =
        run(
            p,
            TrainLocally.to(out.toString())
                .withDataDirectory(DataLocator.DEBIAN_DIR.toString())
                .withWorkers(2));
    List<TrialResult> results = SEEN.get(out.toString());
    assertEquals(3, results.size());
    for (TrialResult r : results) {
      if (r.trial().get("batch_size") != null) {
        assertEquals("FAILED", r.status().name());
        assertTrue(
            r.error().contains("--batch-size 4096 is larger than the 512 training samples"),
            r.error());
      } else {
        assertEquals("SUCCEEDED", r.status().name(), r.error());
        assertTrue(Objective.DEFAULT.evaluate(r).objectiveValue() > 0.3, r.toString());
        assertTrue(Files.exists(out.resolve("trials/" + r.trial().id() + "/metrics.json")));
        assertTrue(Files.exists(out.resolve("trials/" + r.trial().id() + "/model.npz")));
      }
    }
    assertEquals(3, counter(result, "trials_started"));
    assertEquals(2, counter(result, "trials_succeeded"));
    assertEquals(1, counter(result, "trials_failed"));
  }

  @Test
  void inProcessTrainingGivesTheSameResultsAsWorkerProcesses(TestPipeline p) {
    run(
        p,
        TrainLocally.to(out.toString())
            .withDataDirectory(DataLocator.DEBIAN_DIR.toString())
            .inProcess()
            .withResume(false));
    List<TrialResult> results = SEEN.get(out.toString());
    assertEquals(2, results.stream().filter(TrialResult::succeeded).count());
  }

  @Test
  void aRerunReusesFinishedTrialsAndRetriesFailedOnes(TestPipeline p) throws Exception {
    Path earlier = out.resolve("trials");
    Trial relu = trials().get(0);
    // An earlier run finished the relu trial: its metrics.json is there.
    TestPipeline first = TestPipeline.create().enableAbandonedNodeEnforcement(false);
    first
        .apply(Create.of(List.of(relu)))
        .apply(
            TrainLocally.to(out.toString()).withDataDirectory(DataLocator.DEBIAN_DIR.toString()));
    first.run().waitUntilFinish();
    long before =
        Files.getLastModifiedTime(earlier.resolve(relu.id() + "/metrics.json")).toMillis();

    PipelineResult result =
        run(
            p,
            TrainLocally.to(out.toString()).withDataDirectory(DataLocator.DEBIAN_DIR.toString()));
    assertEquals(1, counter(result, "trials_resumed"));
    assertEquals(2, counter(result, "trials_started"), "only the unfinished trials train");
    assertEquals(
        before,
        Files.getLastModifiedTime(earlier.resolve(relu.id() + "/metrics.json")).toMillis(),
        "not retrained");
    assertEquals(3, SEEN.get(out.toString()).size(), "the results cover every trial");
  }
}
