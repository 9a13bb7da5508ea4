package dev.tunebeam.pipeline;

import static dev.tunebeam.pipeline.MainJobRun.csv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another trial's outcome.json copied into a trial's folder was taken as that trial's result (issue
 * 25). An outcome now names its trial (id and parameters); a rerun reuses only its own and trains
 * the other trial again, with one warning.
 */
@Tag("integration")
class TrialOwnResultsTest {
  @TempDir Path tmp;

  @Test
  void anotherTrialsOutcomeIsNotReused() throws Exception {
    Path runs = tmp.resolve("runs.txt");
    Path trainer =
        Files.writeString(
            tmp.resolve("trainer.sh"),
            """
            #!/bin/sh
            echo "$CLOUD_ML_TRIAL_ID" >> %s
            if [ "$2" = a ]; then v=0.3; else v=0.7; fi
            printf '{"timestamp": 1, "trial": "%%s", "val_accuracy": "%%s", "global_step": "1"}\\n' \
              "$CLOUD_ML_TRIAL_ID" "$v" > "$CLOUD_ML_HP_METRIC_FILE"
            """
                .formatted(runs));
    trainer.toFile().setExecutable(true);
    Path space =
        Files.writeString(
            tmp.resolve("space.yaml"),
            "study: own\nparameters:\n  m: {type: categorical, values: [a, b]}\n");
    Path out = tmp.resolve("out");
    String[] args = {"--searchSpace=" + space, "--output=" + out, "--trainerCommand=" + trainer};
    MainJobProcess first = MainJobProcess.run(Map.of(), List.of(), args);
    assertEquals(0, first.code(), first.output());
    Map<String, String> ids = idsByValue(out);
    String a = ids.get("a");
    String b = ids.get("b");
    assertTrue(
        Files.readString(out.resolve("trials/" + a + "/outcome.json")).contains("\"trial\":\"" + a),
        "an outcome names its trial");

    Files.copy(
        out.resolve("trials/" + a + "/outcome.json"),
        out.resolve("trials/" + b + "/outcome.json"),
        StandardCopyOption.REPLACE_EXISTING);
    MainJobProcess second = MainJobProcess.run(Map.of(), List.of(), args);
    assertEquals(0, second.code(), second.output());
    List<String> trained = Files.readAllLines(runs);
    assertEquals(3, trained.size(), trained.toString());
    assertEquals(java.util.Set.of(a, b), java.util.Set.copyOf(trained.subList(0, 2)));
    assertEquals(b, trained.get(2), "only b trained again");
    assertEquals(
        1,
        second
            .output()
            .lines()
            .filter(
                l ->
                    l.contains(
                        "trial "
                            + b
                            + ": the earlier result in "
                            + out.resolve("trials/" + b)
                            + " is not reused (its outcome.json belongs to trial "
                            + a
                            + ", not "
                            + b
                            + "); training it again"))
            .count(),
        second.output());
    for (CSVRecord r : csv(out.resolve("results.csv"))) {
      assertEquals(
          r.get("m").equals("a") ? 0.3 : 0.7,
          Double.parseDouble(r.get("best_val_accuracy")),
          1e-9,
          r.toString());
    }
  }

  private static Map<String, String> idsByValue(Path out) throws Exception {
    try (Stream<CSVRecord> rows = csv(out.resolve("results.csv")).stream()) {
      return rows.collect(
          java.util.stream.Collectors.toMap(r -> r.get("m"), r -> r.get("trial_id")));
    }
  }
}
