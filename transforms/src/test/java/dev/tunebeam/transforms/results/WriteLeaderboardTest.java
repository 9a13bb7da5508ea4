package dev.tunebeam.transforms.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.transforms.study.TrialResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
@ExtendWith(TestPipelineExtension.class)
class WriteLeaderboardTest {
  @TempDir Path out;

  @Test
  void ranksAndWritesTheThreeFilesAtomically(TestPipeline p) throws Exception {
    PCollection<String> written =
        p.apply(
                Create.of(
                    Results.ok("relu", 0.8, 0.8),
                    Results.failed("tanh", "x"),
                    Results.ok("sigmoid", 0.9, 0.85)))
            .apply(RankTrials.byDefault())
            .apply(WriteLeaderboard.to(out.resolve("study").toString()).withStudy("demo"));
    PAssert.that(written)
        .satisfies(
            paths -> {
              List<String> names = new java.util.ArrayList<>();
              paths.forEach(s -> names.add(Path.of(s).getFileName().toString()));
              assertTrue(
                  names.containsAll(List.of("results.csv", "results.json", "results.md")),
                  names.toString());
              return null;
            });
    p.run().waitUntilFinish();
    List<String> csv = Files.readAllLines(out.resolve("study/results.csv"));
    assertEquals(4, csv.size());
    assertTrue(
        csv.get(1).contains("sigmoid")
            && csv.get(2).contains("relu")
            && csv.get(3).contains("FAILED"),
        csv.toString());
    assertTrue(
        new String(Files.readAllBytes(out.resolve("study/results.md")))
            .startsWith("# demo: 3 trials"));
    try (Stream<Path> files = Files.list(out.resolve("study"))) {
      assertTrue(
          files.noneMatch(f -> f.getFileName().toString().startsWith(".")),
          "no temporary files left");
    }
  }

  @Test
  void anEmptyStudyStillGetsATable(TestPipeline p) throws Exception {
    p.apply(Create.empty(org.apache.beam.sdk.coders.SerializableCoder.of(TrialResult.class)))
        .apply(RankTrials.byDefault())
        .apply(WriteLeaderboard.to(out.toString()));
    p.run().waitUntilFinish();
    assertEquals(1, Files.readAllLines(out.resolve("results.csv")).size());
  }
}
