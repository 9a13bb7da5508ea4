package dev.tunebeam.transforms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.trainer.data.DataLocator;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trial whose worker dies of a segmentation fault fails alone; its fused partners still finish.
 */
@Tag("integration")
@ExtendWith(TestPipelineExtension.class)
class CrashIsolationTest {
  @TempDir Path out;

  @Test
  void aNativeCrashFailsOnlyTheTrialThatCausedIt(TestPipeline p) {
    List<Trial> trials =
        SearchSpace.builder("crash")
            .categorical("activation", "relu", "tanh", "leakyrelu")
            .fixed("num_epochs", "1")
            .fixed("train_samples", "512")
            .fixed("test_samples", "256")
            .build()
            .trials(10);
    Trial crashing = trials.get(1);
    PCollection<TrialResult> results =
        p.apply(Create.of(trials))
            .apply(
                TrainLocally.to(out.toString())
                    .withDataDirectory(DataLocator.DEBIAN_DIR.toString())
                    .withWorkers(1)
                    .withWorkerJvmOptions(
                        "-Dtunebeam.faultInjection.crashTrial=" + crashing.id(),
                        "-XX:ErrorFile=" + out.resolve("hs_err_%p.log"),
                        "-XX:-CreateCoredumpOnCrash"));
    String key = out.toString();
    PAssert.that(results)
        .satisfies(
            rs -> {
              List<TrialResult> all = new ArrayList<>();
              rs.forEach(all::add);
              TrainLocallyTest.SEEN.put(key, all);
              return null;
            });
    p.run().waitUntilFinish();
    Map<String, TrialResult> byId = new java.util.HashMap<>();
    TrainLocallyTest.SEEN.get(key).forEach(r -> byId.put(r.trial().id(), r));
    assertEquals(3, byId.size());
    TrialResult crashed = byId.get(crashing.id());
    assertEquals("FAILED", crashed.status().name());
    assertTrue(
        crashed.error().startsWith("trainer process crashed natively; SIGSEGV (0xb)"),
        crashed.error());
    for (Trial t : List.of(trials.get(0), trials.get(2))) {
      assertEquals("SUCCEEDED", byId.get(t.id()).status().name(), byId.get(t.id()).error());
    }
  }

  /** A worker that outlives its timeout is killed, and its trial fails with that reason. */
  @Test
  void aWorkerPastItsTimeoutIsKilledAndItsTrialFails(TestPipeline p) {
    List<Trial> trials =
        SearchSpace.builder("slow")
            .categorical("activation", "relu")
            .fixed("num_epochs", "50")
            .build()
            .trials(10);
    PCollection<TrialResult> results =
        p.apply(Create.of(trials))
            .apply(
                TrainLocally.to(out.toString())
                    .withDataDirectory(DataLocator.DEBIAN_DIR.toString())
                    .withWorkers(1)
                    .withTimeout(java.time.Duration.ofSeconds(3)));
    String key = out + "/slow";
    PAssert.that(results)
        .satisfies(
            rs -> {
              List<TrialResult> all = new ArrayList<>();
              rs.forEach(all::add);
              TrainLocallyTest.SEEN.put(key, all);
              return null;
            });
    long start = System.nanoTime();
    p.run().waitUntilFinish();
    TrialResult r = TrainLocallyTest.SEEN.get(key).get(0);
    assertEquals("FAILED", r.status().name());
    assertTrue(
        r.error().startsWith("trainer process timed out after 3 s and was killed"), r.error());
    assertTrue(
        (System.nanoTime() - start) / 1e9 < 60,
        "killed, not waited for: 50 epochs of 60,000 images take minutes");
  }
}
