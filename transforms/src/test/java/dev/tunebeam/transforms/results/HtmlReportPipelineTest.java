package dev.tunebeam.transforms.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class HtmlReportPipelineTest {
  @TempDir Path tmp;

  @Test
  void writeLeaderboardWritesTheReportBesideTheTables() throws Exception {
    Leaderboard board = ReportFixtures.board();
    TestPipeline pipeline = TestPipeline.create().enableAbandonedNodeEnforcement(false);
    PCollection<String> written =
        pipeline
            .apply(Create.of(board))
            .apply(WriteLeaderboard.to(tmp.toString()).withStudy(ReportFixtures.STUDY));
    PAssert.that(written)
        .containsInAnyOrder(
            WriteLeaderboard.FILES.stream().map(f -> tmp.resolve(f).toString()).toList());
    pipeline.run().waitUntilFinish();

    assertEquals(
        List.of("results.csv", "results.json", "results.md", "report.html"),
        WriteLeaderboard.FILES);
    assertArrayEquals(
        HtmlReport.render(board, ReportFixtures.STUDY, tmp.toString()),
        Files.readAllBytes(tmp.resolve("report.html")));
    try (Stream<Path> files = Files.list(tmp)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(
          List.of("report.html", "results.csv", "results.json", "results.md", "tensorboard"),
          names,
          "no temporary file left behind");
    }
    assertTrue(Files.readString(tmp.resolve("report.html")).startsWith("<!DOCTYPE html>"));
  }
}
