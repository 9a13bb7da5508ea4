package dev.tunebeam.pipeline;

import static dev.tunebeam.pipeline.MainJobRun.csv;
import static dev.tunebeam.pipeline.MainJobRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a command trainer is given besides its flags' names: values that look like options, and an
 * empty stdin (issue 25).
 */
@Tag("integration")
class TrainerProcessEdgesTest {
  @TempDir Path tmp;

  private Path space() throws Exception {
    return Files.writeString(
        tmp.resolve("space.yaml"),
        "study: edges\nparameters:\n  m: {type: categorical, values: [plain, --evil, -x]}\n");
  }

  /** An argparse trainer (the common case) reads every categorical value back exactly. */
  @Test
  void aValueThatLooksLikeAFlagReachesAnArgparseTrainer() throws Exception {
    Path trainer =
        Files.writeString(
            tmp.resolve("argparse_trainer.py"),
            """
            import argparse, json, os
            p = argparse.ArgumentParser()
            p.add_argument("--m", required=True)
            a = p.parse_args()
            score = {"plain": "0.1", "--evil": "0.3", "-x": "0.2"}[a.m]
            with open(os.environ["CLOUD_ML_HP_METRIC_FILE"], "w") as f:
                f.write(json.dumps({"timestamp": 1, "trial": os.environ["CLOUD_ML_TRIAL_ID"],
                                    "val_accuracy": score, "global_step": "1"}) + "\\n")
            """);
    Path out = tmp.resolve("out");
    MainJobRun r =
        run("--searchSpace=" + space(), "--output=" + out, "--trainerCommand=python3," + trainer);
    assertEquals(0, r.code(), r.err() + r.out());
    List<CSVRecord> rows = csv(out.resolve("results.csv"));
    assertEquals(
        List.of("--evil", "-x", "plain"), rows.stream().map(x -> x.get("m")).toList(), r.out());
    rows.forEach(x -> assertEquals("SUCCEEDED", x.get("status"), x.toString()));
  }

  /** A trainer that reads stdin sees its end at once; before, it waited forever. */
  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aTrainerThatReadsStdinGetsAnEmptyOne() throws Exception {
    Path trainer =
        Files.writeString(
            tmp.resolve("reads_stdin.sh"),
            """
            #!/bin/sh
            read answer
            printf '{"timestamp": 1, "trial": "%s", "val_accuracy": "0.5", "global_step": "1"}\\n' \
              "$CLOUD_ML_TRIAL_ID" > "$CLOUD_ML_HP_METRIC_FILE"
            """);
    trainer.toFile().setExecutable(true);
    Path out = tmp.resolve("stdin-out");
    MainJobRun r =
        run("--searchSpace=" + space(), "--output=" + out, "--trainerCommand=" + trainer);
    assertEquals(0, r.code(), r.err() + r.out());
    csv(out.resolve("results.csv"))
        .forEach(x -> assertEquals("SUCCEEDED", x.get("status"), x.toString()));
  }
}
