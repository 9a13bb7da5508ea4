package dev.tunebeam.pipeline;

import static dev.tunebeam.pipeline.MainJobRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each bad warm start is one sentence naming the file and the field, exit 2, and nothing written
 * under --output.
 */
@Tag("integration")
class WarmStartRefusalsTest {
  @TempDir Path tmp;

  private void assertRefused(String warm, String sentence) throws Exception {
    Path space =
        Files.writeString(
            tmp.resolve("space.yaml"),
            """
            study: refused
            algorithm: random
            samples: 2
            parameters:
              learning_rate: {type: discrete, values: [0.01, 0.1]}
              batch_size: {type: discrete, values: [16, 64]}
            fixed:
              num_epochs: 1
            """
                + warm);
    Path out = tmp.resolve("out");
    MainJobRun r =
        run(
            "--searchSpace=" + space,
            "--output=" + out,
            "--trainerCommand=/bin/true",
            "--dataDir=/usr/share/datasets/fashion-mnist");
    assertEquals(2, r.code(), r.err() + r.out());
    String line = r.err().strip();
    assertEquals(1, line.lines().count(), line);
    assertTrue(line.contains(sentence), line);
    assertFalse(Files.exists(out), "nothing written");
  }

  @Test
  void aFileThatIsNotAResultsFile() throws Exception {
    Path notResults = Files.writeString(tmp.resolve("notes.json"), "{\"study\": \"x\"}");
    assertRefused(
        "warm_start: {from: [" + notResults + "]}\n",
        "space.yaml: warm_start.from "
            + notResults
            + " is not a tunebeam results file (it has no objective); give the results.json an"
            + " earlier study wrote");
  }

  @Test
  void aMissingFile() throws Exception {
    Path missing = tmp.resolve("old/results.json");
    assertRefused(
        "warm_start: {from: [" + missing + "]}\n",
        "space.yaml: warm_start.from "
            + missing
            + " does not exist; give the results.json an earlier study wrote");
  }

  @Test
  void anEarlierStudyRankedByAnotherObjective() throws Exception {
    Path loss =
        Files.writeString(
            tmp.resolve("results.json"),
            """
            {"study": "old", "objective": {"metric": "val_loss", "goal": "minimize",
             "measurement": "last"}, "trials": []}
            """);
    assertRefused(
        "warm_start: {from: [" + loss + "]}\n",
        "space.yaml: warm_start.from "
            + loss
            + ": study old ranked by last val_loss (minimize), this study by best val_accuracy"
            + " (maximize); warm-start only from a study with the same objective");
  }

  @Test
  void aKnownPointOutsideTheSpace() throws Exception {
    assertRefused(
        "warm_start: {points: [{learning_rate: 0.3, batch_size: 16}]}\n",
        "space.yaml: warm_start.points[1]: learning_rate 0.3 is outside the space; allowed: 0.01,"
            + " 0.1");
  }
}
