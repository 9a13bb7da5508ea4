package dev.tunebeam.pipeline;

import static dev.tunebeam.pipeline.MainJobRun.csv;
import static dev.tunebeam.pipeline.MainJobRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22's two-objective study end to end on the DirectRunner: the reference space, four of its
 * points drawn at random, really trained on a small real subset, ranked by validation accuracy
 * (maximised) against training seconds (minimised); the leaderboard's fronts checked against a
 * brute-force reading of dominance.
 */
@Tag("integration")
class MultiObjectivePipelineTest {
  @TempDir Path tmp;

  @Test
  void accuracyAgainstTrainingSecondsRanksByParetoFront() throws Exception {
    Path space = tmp.resolve("reference-two-objectives.yaml");
    Files.writeString(
        space,
        Files.readString(Path.of("../examples/reference-study.yaml"))
            .replace("algorithm: grid", "algorithm: random\nsamples: 4\nseed: 3"));
    Path out = tmp.resolve("out");
    MainJobRun r =
        run(
            "--searchSpace=" + space,
            "--objective=val_accuracy:max,train_seconds:min",
            "--epochs=2",
            "--trainSamples=1024",
            "--validationSamples=512",
            "--testSamples=256",
            "--dataDir=/usr/share/datasets/fashion-mnist",
            "--output=" + out);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("4 trials: 4 succeeded, 0 failed."), r.out());
    List<CSVRecord> rows = csv(out.resolve("results.csv"));
    List<String> header = rows.get(0).getParser().getHeaderNames();
    int acc = header.indexOf("best_val_accuracy");
    assertEquals(
        List.of("best_val_accuracy", "best_train_seconds", "front"), header.subList(acc, acc + 3));
    int last = 0;
    for (CSVRecord a : rows) {
      double accA = Double.parseDouble(a.get("best_val_accuracy"));
      double secA = Double.parseDouble(a.get("best_train_seconds"));
      assertTrue(secA > 0, "the trainer reported its training seconds: " + a);
      int beatenBy = 0;
      for (CSVRecord b : rows) {
        double accB = Double.parseDouble(b.get("best_val_accuracy"));
        double secB = Double.parseDouble(b.get("best_train_seconds"));
        if (accB >= accA && secB <= secA && (accB > accA || secB < secA)) {
          beatenBy = Math.max(beatenBy, Integer.parseInt(b.get("front")));
        }
      }
      int front = Integer.parseInt(a.get("front"));
      assertEquals(beatenBy + 1, front, "front of " + a);
      assertTrue(front >= last, "ranked by front");
      last = front;
    }
    CSVRecord best = rows.get(0);
    assertTrue(
        Double.parseDouble(best.get("best_val_accuracy")) > 0.3,
        "the front's first trial learned: " + best);
    String md = Files.readString(out.resolve("results.md"));
    assertTrue(md.contains("train_seconds (minimize)") && md.contains("Pareto front"), md);
    assertTrue(Files.readString(out.resolve("report.html")).contains("id=\"chart-pareto\""));
    assertTrue(Files.readString(out.resolve("results.json")).contains("\"objectives\""));
  }
}
