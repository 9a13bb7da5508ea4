package dev.tunebeam.transforms.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.trainer.report.MetricsReport;
import dev.tunebeam.transforms.results.RankTrials;
import dev.tunebeam.transforms.results.WriteLeaderboard;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.vertex.FakeVertex;
import dev.tunebeam.transforms.vertex.VertexTestTrials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routing: trials reach the backend the rule picks and the results meet in one leaderboard. The
 * local side is a stand-in that reports a fixed accuracy (real training is covered by the
 * pipeline's end-to-end test); the Vertex side is the real SubmitToVertex against the fake.
 */
@Tag("integration")
class RunTrialsTest {
  /** Marks each trial SUCCEEDED on "local" with accuracy 0.5, so its rows are recognisable. */
  static final class StandInLocal extends PTransform<PCollection<Trial>, PCollection<TrialResult>> {
    @Override
    public PCollection<TrialResult> expand(PCollection<Trial> trials) {
      return trials.apply(
          MapElements.into(TypeDescriptor.of(TrialResult.class))
              .via(
                  (Trial t) ->
                      TrialResult.succeeded(
                          t,
                          "local",
                          new MetricsReport(
                              t.id(),
                              null,
                              List.of(
                                  EpochRecord.of(
                                      1,
                                      1,
                                      Map.of(
                                          EpochRecord.TRAIN_LOSS,
                                          1.0,
                                          EpochRecord.VAL_ACCURACY,
                                          0.5,
                                          EpochRecord.TEST_ACCURACY,
                                          0.5))),
                              1,
                              1,
                              "cpu",
                              1,
                              Map.of(),
                              null),
                          "/tmp/local/" + t.id())));
    }
  }

  @Test
  void aRuleSplitsTrialsAndResultsMeetInOneLeaderboard(@TempDir Path out) throws Exception {
    List<Trial> trials = VertexTestTrials.many(9);
    try (FakeVertex vertex = FakeVertex.start()) {
      Pipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);
      p.apply(Create.of(trials).withCoder(SerializableCoder.of(Trial.class)))
          .apply(
              RunTrials.by(BackendRule.parse("batch_size>=128 -> vertex"))
                  .withLocal(new StandInLocal())
                  .withVertex(vertex.submit()))
          .apply(RankTrials.byDefault())
          .apply(WriteLeaderboard.to(out.toString()).withStudy("vertex-many"));
      p.run().waitUntilFinish();

      assertEquals(
          3, vertex.jobs().creates(), "only the three batch_size=128 trials went to Vertex");
      JsonNode board = new ObjectMapper().readTree(Files.readAllBytes(out.resolve("results.json")));
      assertEquals(9, board.get("trials").size());
      Map<String, Integer> perBackend = new HashMap<>();
      for (JsonNode t : board.get("trials")) {
        String backend = t.get("backend").asText();
        perBackend.merge(backend, 1, Integer::sum);
        int batch = t.get("parameters").get("batch_size").asInt();
        assertEquals(batch >= 128 ? "vertex" : "local", backend, t.toString());
      }
      assertEquals(Map.of("vertex", 3, "local", 6), perBackend);
      assertEquals(
          "vertex",
          board.get("trials").get(0).get("backend").asText(),
          "Vertex rows (accuracy > 0.8) rank above the stand-in's 0.5");
      String csv = Files.readString(out.resolve("results.csv"));
      assertTrue(
          csv.lines().skip(1).allMatch(l -> l.contains(",vertex,") || l.contains(",local,")), csv);
    }
  }

  @Test
  void allVertexNeedsNoLocalTransform() {
    try (FakeVertex vertex = FakeVertex.start()) {
      Pipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);
      p.apply(Create.of(VertexTestTrials.three()).withCoder(SerializableCoder.of(Trial.class)))
          .apply(RunTrials.by(BackendRule.parse("vertex")).withVertex(vertex.submit()));
      p.run().waitUntilFinish();
      assertEquals(3, vertex.jobs().creates());
    }
  }

  @Test
  void aRuleThatReachesAMissingBackendFailsAtConstruction() {
    Pipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);
    PCollection<Trial> trials =
        p.apply(Create.of(VertexTestTrials.three()).withCoder(SerializableCoder.of(Trial.class)));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                trials.apply(
                    RunTrials.by(BackendRule.parse("batch_size>=128 -> vertex"))
                        .withLocal(new StandInLocal())));
    assertTrue(
        e.getMessage().contains("sends trials to vertex, but RunTrials has no vertex transform"),
        e.getMessage());
  }
}
