package dev.tunebeam.transforms.exec;

import static dev.tunebeam.transforms.exec.ScriptedExecutor.trial;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunebeam.transforms.dispatch.Backend;
import dev.tunebeam.transforms.dispatch.BackendRule;
import dev.tunebeam.transforms.dispatch.RunTrials;
import dev.tunebeam.transforms.results.RankTrials;
import dev.tunebeam.transforms.results.WriteLeaderboard;
import dev.tunebeam.transforms.run.StudyRun;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Trial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new executor is one class and one {@code RunTrials.with(...)}: on the DirectRunner its trials
 * run on the run's lanes, the results files are rewritten while they run (unfinished trials as
 * RUNNING and QUEUED rows), and the final results carry the run's utilisation.
 */
@Tag("integration")
class ExecuteTrialsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path out;

  @Test
  void aNewBackendIsOneExecutorAndItsResultsAreWatchableWhileItRuns() throws Exception {
    CountDownLatch seen = new CountDownLatch(1);
    ScriptedExecutor executor =
        new ScriptedExecutor(
            "watch",
            1,
            (group, lane) -> {
              if (group.get(0).id().equals("first")) {
                // Hold the first trial until the test saw it running in the live files.
                assertTrue(seen.await(60, TimeUnit.SECONDS), "the live files never showed it");
              }
              return ScriptedExecutor.allSucceed(group);
            });
    StudyRun run =
        StudyRun.create(-1, Objective.DEFAULT).withLiveResults(out.toString(), "watched");
    List<Trial> trials =
        List.of(
            trial("first", "work=3", "quality=0.6"),
            trial("second", "work=2", "quality=0.9"),
            trial("third", "work=1", "quality=0.7"));
    // A backend of its own: named, allowed in the rule, run by its executor.
    Backend scripted = Backend.of("scripted");
    Pipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);
    p.apply(Create.of(trials).withCoder(SerializableCoder.of(Trial.class)))
        .apply(RunTrials.by(BackendRule.parse("scripted", scripted)).with(scripted, executor, run))
        .apply(RankTrials.byDefault())
        .apply(
            WriteLeaderboard.to(out.toString())
                .withStudy("watched")
                .withRunFigures(StudyFigures.of(run)));
    try {
      CompletableFuture<PipelineResult> running =
          CompletableFuture.supplyAsync(
              () -> {
                PipelineResult r = p.run();
                r.waitUntilFinish();
                return r;
              });
      Path csv = out.resolve("results.csv");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      String live = "";
      while (!(live.contains("first") && live.contains(",RUNNING,") && live.contains(",QUEUED,"))) {
        assertTrue(System.nanoTime() < deadline, "no live results.csv with running rows: " + live);
        Thread.sleep(50);
        live = Files.exists(csv) ? Files.readString(csv) : "";
      }
      assertTrue(Files.exists(out.resolve("report.html")), "the report is rewritten too");
      JsonNode liveJson = JSON.readTree(out.resolve("results.json").toFile());
      assertEquals(1, liveJson.get("running").asInt(), liveJson.toString());
      assertEquals(2, liveJson.get("queued").asInt(), liveJson.toString());
      seen.countDown();
      PipelineResult result = running.get(120, TimeUnit.SECONDS);

      JsonNode board = JSON.readTree(out.resolve("results.json").toFile());
      assertEquals(3, board.get("trials").size());
      assertEquals("second", board.get("trials").get(0).get("trial_id").asText(), board.toString());
      assertEquals("scripted", board.get("trials").get(0).get("backend").asText());
      assertTrue(!Files.readString(csv).contains("RUNNING"), "the final files replace the live");
      JsonNode u = board.get("utilisation");
      assertTrue(u != null && u.get("cores").asInt() >= 1, board.toString());
      assertTrue(u.get("fraction").asDouble() > 0, u.toString());
      assertEquals(3, counter(result, "trials_succeeded"));
      assertEquals(3, counter(result, "trials_started"));
    } finally {
      run.close();
    }
  }

  private static long counter(PipelineResult result, String name) {
    long total = 0;
    for (MetricResult<Long> c :
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.named(ScriptedExecutor.class.getName(), name))
                    .build())
            .getCounters()) {
      total += c.getAttempted();
    }
    return total;
  }
}
