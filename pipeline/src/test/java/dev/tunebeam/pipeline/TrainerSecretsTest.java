package dev.tunebeam.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.trainer.contract.Trainable;
import dev.tunebeam.trainer.contract.TrialContext;
import dev.tunebeam.trainer.contract.TrialOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets a trainer prints (a flag's value, an environment dump, cloud keys, a private key over
 * several lines) and those in a Trainable's exception reached the console, results.*, report.html
 * and trainer.log (issue 25). Every sink is checked: the console of a real run, and every file it
 * wrote under --output. Each planted secret holds the word PLANTED.
 */
@Tag("integration")
class TrainerSecretsTest {
  @TempDir Path tmp;

  /** Fails the way a login does, with the credentials in its message. */
  public static final class LeakyTrainable implements Trainable {
    @Override
    public TrialOutcome train(TrialContext ctx) {
      throw new IllegalStateException(
          "cannot reach the bucket with AWS_SECRET_ACCESS_KEY=wJalrXUtnPLANTEDKEY and --password"
              + " hunter2PLANTED");
    }
  }

  @Test
  void noSinkShowsWhatACommandTrainerPrints() throws Exception {
    Path trainer =
        Files.writeString(
            tmp.resolve("leaky.sh"),
            """
            #!/bin/sh
            echo "starting with --password hunter1PLANTED"
            echo "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIPLANTED"
            echo "aws_access_key_id = AKIAPLANTED000000000"
            echo "Authorization: Bearer ya29.tokenPLANTED"
            echo "token=tokPLANTED secret=secPLANTED"
            printf '%s\\n' '{"private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvPLANTED\\n-----END PRIVATE KEY-----\\n"}'
            echo "-----BEGIN RSA PRIVATE KEY-----"
            echo "MIIEpAIBAAKCAQEAPLANTED"
            echo "-----END RSA PRIVATE KEY-----"
            if [ "$2" = fail ]; then
              echo "error: login refused for --password hunter2PLANTED" >&2
              exit 1
            fi
            printf '{"timestamp": 1, "trial": "%s", "val_accuracy": "0.5", "global_step": "1"}\\n' \
              "$CLOUD_ML_TRIAL_ID" > "$CLOUD_ML_HP_METRIC_FILE"
            """);
    trainer.toFile().setExecutable(true);
    Path space =
        Files.writeString(
            tmp.resolve("space.yaml"),
            "study: leaky\nparameters:\n  m: {type: categorical, values: [ok, fail]}\n");
    Path out = tmp.resolve("out");
    MainJobProcess r =
        MainJobProcess.run(
            Map.of(),
            List.of(),
            "--searchSpace=" + space,
            "--output=" + out,
            "--trainerCommand=" + trainer);
    assertEquals(0, r.code(), r.output());
    assertTrue(r.output().contains("login refused for --password [REDACTED]"), r.output());
    assertNoSecret(r.output(), out);
    String log = logOfFailedTrial(out);
    assertTrue(log.contains("starting with --password [REDACTED]"), log);
    assertTrue(log.contains("-----BEGIN RSA PRIVATE KEY-----[REDACTED]"), log);
  }

  @Test
  void noSinkShowsATrainablesException() throws Exception {
    Path space =
        Files.writeString(
            tmp.resolve("space.yaml"),
            "study: leakyjava\nparameters:\n  m: {type: categorical, values: [x]}\n");
    Path out = tmp.resolve("out-java");
    MainJobProcess r =
        MainJobProcess.run(
            Map.of(),
            List.of(),
            "--searchSpace=" + space,
            "--output=" + out,
            "--trainerClass=" + LeakyTrainable.class.getName());
    assertEquals(1, r.code(), r.output());
    assertTrue(
        r.output().contains("AWS_SECRET_ACCESS_KEY=[REDACTED] and --password [REDACTED]"),
        r.output());
    assertNoSecret(r.output(), out);
  }

  private static void assertNoSecret(String console, Path out) throws Exception {
    assertFalse(console.contains("PLANTED"), "the console shows a secret:\n" + console);
    List<Path> files;
    try (Stream<Path> all = Files.walk(out)) {
      files = all.filter(Files::isRegularFile).toList();
    }
    assertTrue(files.stream().anyMatch(f -> f.endsWith("report.html")), files.toString());
    assertTrue(files.stream().anyMatch(f -> f.endsWith("trainer.log")), files.toString());
    for (Path f : files) {
      String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
      assertFalse(text.contains("PLANTED"), f + " shows a secret:\n" + text);
    }
  }

  private static String logOfFailedTrial(Path out) throws Exception {
    try (Stream<Path> all = Files.walk(out.resolve("trials"))) {
      for (Path f : all.filter(p -> p.endsWith("trainer.log")).toList()) {
        String text = Files.readString(f);
        if (text.contains("login refused")) {
          return text;
        }
      }
    }
    throw new AssertionError("no trainer.log of the failed trial");
  }
}
