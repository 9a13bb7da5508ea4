package dev.tunebeam.pipeline;

import static dev.tunebeam.pipeline.MainJobRun.csv;
import static dev.tunebeam.pipeline.MainJobRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job tunes the PyTorch-free Python contract example: leaderboard, report and resume as
 * for the built-in trainer.
 */
@Tag("integration")
class ContractTrainerPipelineTest {
  static final Path EXAMPLE =
      Path.of("../examples/python/contract_trainer.py").toAbsolutePath().normalize();

  @TempDir Path tmp;

  @Test
  void aSearchSpaceWithATrainerBlockIsTunedRankedReportedAndResumed() throws Exception {
    Path space =
        Files.writeString(
            tmp.resolve("space.yaml"),
            """
        study: python-contract
        trainer:
          command: [python3, %s]
          workers: 2
          env: {PYTHONDONTWRITEBYTECODE: "1"}
        parameters:
          learning_rate: {type: discrete, values: [0.05, 0.5, -1]}
        fixed:
          num_epochs: 2
          train_samples: 400
          test_samples: 200
        """
                .formatted(EXAMPLE));
    Path out = tmp.resolve("out");
    MainJobRun first = run("--searchSpace=" + space, "--output=" + out);
    assertEquals(0, first.code(), first.err() + first.out());
    assertTrue(first.out().contains("3 trials: 2 succeeded, 1 failed."), first.out());
    for (String f : List.of("results.csv", "results.json", "results.md", "report.html")) {
      assertTrue(Files.exists(out.resolve(f)), f);
    }
    List<CSVRecord> rows = csv(out.resolve("results.csv"));
    assertEquals(
        "0.5", rows.get(0).get("learning_rate"), "the higher rate learns more in two epochs");
    assertTrue(
        Double.parseDouble(rows.get(0).get("best_val_accuracy"))
            > Double.parseDouble(rows.get(1).get("best_val_accuracy")));
    assertTrue(
        Double.parseDouble(rows.get(0).get("best_val_accuracy")) > 0.3,
        "well above chance: " + rows.get(0));
    assertEquals("FAILED", rows.get(2).get("status"));
    assertEquals(
        "contract_trainer.py: error: argument --learning_rate: -1 must be positive",
        rows.get(2).get("error"));
    Map<String, FileTime> written = new HashMap<>();
    for (CSVRecord row : rows.subList(0, 2)) {
      written.put(
          row.get("trial_id"),
          Files.getLastModifiedTime(
              out.resolve("trials").resolve(row.get("trial_id")).resolve("outcome.json")));
    }

    MainJobRun again = run("--searchSpace=" + space, "--output=" + out);
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains("3 trials: 2 succeeded, 1 failed."), again.out());
    for (Map.Entry<String, FileTime> w : written.entrySet()) {
      assertEquals(
          w.getValue(),
          Files.getLastModifiedTime(
              out.resolve("trials").resolve(w.getKey()).resolve("outcome.json")),
          "a finished trial is reused, not run again");
    }
  }

  @Test
  void theTrainerCommandFlagRunsTheSameContractWithTheSpacesNames() throws Exception {
    Path space =
        Files.writeString(
            tmp.resolve("flag.yaml"),
            """
        study: python-flag
        parameters:
          batch_size: {type: discrete, values: [16, 64]}
        fixed:
          num_epochs: 1
          train_samples: 300
          test_samples: 100
        """);
    Path out = tmp.resolve("flag-out");
    MainJobRun r =
        run(
            "--searchSpace=" + space,
            "--output=" + out,
            "--trainerCommand=python3," + EXAMPLE,
            "--localWorkers=2");
    assertEquals(0, r.code(), r.err() + r.out());
    assertTrue(r.out().contains("2 trials: 2 succeeded, 0 failed."), r.out());
    String log =
        Files.readString(
            Files.list(out.resolve("trials")).findFirst().orElseThrow().resolve("trainer.log"));
    assertTrue(log.contains("Epoch 1/1"), log);

    // An objective this trainer never reports: the study says so once, above the FAILED rows.
    MainJobRun cost =
        run(
            "--searchSpace=" + space,
            "--output=" + out,
            "--trainerCommand=python3," + EXAMPLE,
            "--localWorkers=2",
            "--objective=val_accuracy:max,train_seconds:min");
    assertEquals(1, cost.code(), "no trial succeeded: " + cost.err() + cost.out());
    assertTrue(cost.out().contains("2 trials: 0 succeeded, 2 failed."), cost.out());
    String said =
        "No trial reported train_seconds, an objective's metric, so every trial that trained is"
            + " FAILED; the trainer reported ";
    assertEquals(
        1, cost.out().split(java.util.regex.Pattern.quote(said), -1).length - 1, cost.out());
    assertTrue(Files.readString(out.resolve("results.md")).contains(said));
  }
}
