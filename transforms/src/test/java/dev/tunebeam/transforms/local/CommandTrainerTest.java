package dev.tunebeam.transforms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Command trainers under the trial contract: the PyTorch-free Python example trains on real
 * Fashion-MNIST images, and every kind of broken trainer is one FAILED row with one sentence.
 */
@Tag("integration")
@ExtendWith(TestPipelineExtension.class)
class CommandTrainerTest {
  static final Path EXAMPLE =
      Path.of("../examples/python/contract_trainer.py").toAbsolutePath().normalize();

  @TempDir Path out;

  static Trial trial(String study, String... nameValues) {
    Map<String, String> p = new LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      p.put(nameValues[i], nameValues[i + 1]);
    }
    return Trial.of(study, p);
  }

  private Map<String, TrialResult> run(TestPipeline p, List<Trial> trials, TrainLocally train) {
    String key = out.toString() + "/" + System.nanoTime();
    PCollection<TrialResult> results = p.apply(Create.of(trials)).apply(train);
    PAssert.that(results)
        .satisfies(
            rs -> {
              List<TrialResult> all = new ArrayList<>();
              rs.forEach(all::add);
              TrainLocallyTest.SEEN.put(key, all);
              return null;
            });
    p.run().waitUntilFinish();
    Map<String, TrialResult> byId = new HashMap<>();
    TrainLocallyTest.SEEN.remove(key).forEach(r -> byId.put(r.trial().id(), r));
    return byId;
  }

  @Test
  void thePythonExampleTrainsAndABadFlagFailsOnlyItsTrial(TestPipeline p) throws Exception {
    Trial good =
        trial(
            "py",
            "learning_rate",
            "0.5",
            "num_epochs",
            "2",
            "train_samples",
            "400",
            "test_samples",
            "200");
    Trial other =
        trial(
            "py",
            "learning_rate",
            "0.1",
            "num_epochs",
            "2",
            "train_samples",
            "400",
            "test_samples",
            "200");
    Trial bad = trial("py", "learning_rate", "-1", "num_epochs", "2");
    Map<String, TrialResult> r =
        run(
            p,
            List.of(good, other, bad),
            TrainLocally.to(out.toString())
                .command(List.of("python3", EXAMPLE.toString()))
                .withWorkers(2));
    for (Trial t : List.of(good, other)) {
      TrialResult ok = r.get(t.id());
      assertEquals("SUCCEEDED", ok.status().name(), ok.error());
      assertEquals(2, ok.epochs());
      double best =
          ok.history().stream().mapToDouble(e -> e.metric("test_accuracy")).max().orElseThrow();
      assertTrue(best > 0.3, "well above chance (0.1): " + best);
      assertTrue(Double.isFinite(ok.history().get(1).metric("val_accuracy")));
      Path dir = out.resolve("trials").resolve(t.id());
      assertTrue(
          Files.readString(dir.resolve("outcome.json")).contains("\"status\":\"SUCCEEDED\""));
      assertTrue(Files.readString(dir.resolve("trainer.log")).contains("Epoch 2/2"));
      assertTrue(Files.exists(dir.resolve("model.json")), "AIP_MODEL_DIR is the trial folder");
      assertTrue(
          Files.exists(out.resolve("checkpoints").resolve(t.id()).resolve("checkpoint.json")),
          "AIP_CHECKPOINT_DIR");
    }
    TrialResult refused = r.get(bad.id());
    assertEquals("FAILED", refused.status().name());
    assertEquals(
        "contract_trainer.py: error: argument --learning_rate: -1 must be positive",
        refused.error());
  }

  @Test
  void aFinishedTrialIsReusedAndAnInterruptedOneContinuesFromItsCheckpoint(TestPipeline p)
      throws Exception {
    Trial t =
        trial(
            "resume",
            "learning_rate",
            "0.5",
            "num_epochs",
            "3",
            "train_samples",
            "300",
            "test_samples",
            "100");
    TrainLocally train =
        TrainLocally.to(out.toString())
            .command(List.of("python3", EXAMPLE.toString()))
            .withWorkers(1);
    // As if a first run was killed after epoch 1: a checkpoint, no outcome.
    Path checkpoint = out.resolve("checkpoints").resolve(t.id());
    Files.createDirectories(checkpoint);
    ProcessBuilder first =
        new ProcessBuilder(
                "python3",
                EXAMPLE.toString(),
                "--learning_rate",
                "0.5",
                "--num_epochs",
                "1",
                "--train_samples",
                "300",
                "--test_samples",
                "100")
            .redirectErrorStream(true);
    first.environment().put("AIP_CHECKPOINT_DIR", checkpoint.toString());
    first.environment().put("CLOUD_ML_HP_METRIC_FILE", out.resolve("first.metrics").toString());
    assertEquals(0, first.start().waitFor());
    TrialResult continued = run(p, List.of(t), train).get(t.id());
    assertEquals("SUCCEEDED", continued.status().name(), continued.error());
    assertEquals(3, continued.epochs(), "epoch 1 from the checkpoint plus two more");
    String log = Files.readString(out.resolve("trials").resolve(t.id()).resolve("trainer.log"));
    assertTrue(log.contains("continuing from the checkpoint at epoch 1"), log);
    assertFalse(log.contains("Epoch 1/3"), log);
  }

  @Test
  void everyBrokenTrainerIsOneFailedRowWithOneSentence(TestPipeline p) throws Exception {
    Path notExecutable = Files.writeString(out.resolve("trainer.sh"), "#!/bin/sh\nexit 0\n");
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("missing", List.of("/nonexistent/bin/trainer"));
    commands.put("notexec", List.of(notExecutable.toString()));
    commands.put("nometric", List.of("/bin/sh", "-c", "echo trained", "sh"));
    commands.put(
        "malformed",
        List.of(
            "/bin/sh",
            "-c",
            "echo '{\"trial\": \"1\", \"accuracy\": \"high\"}' > \"$CLOUD_ML_HP_METRIC_FILE\"",
            "sh"));
    commands.put("hangs", List.of("/bin/sh", "-c", "sleep 60", "sh"));
    commands.put(
        "usage",
        List.of(
            "/bin/sh",
            "-c",
            "echo 'error: --lr abc is not a number; give a positive number' >&2; exit 2",
            "sh"));
    commands.put(
        "secret",
        List.of("/bin/sh", "-c", "echo 'Authorization: Bearer ya29.a0SECRETSECRET'; exit 3", "sh"));
    commands.put(
        "notag",
        List.of(
            "/bin/sh",
            "-c",
            "echo '{\"timestamp\": 1.5, \"trial\": \"1\", \"accuracy\": \"0.9\", \"global_step\": \"1\"}' > \"$CLOUD_ML_HP_METRIC_FILE\"",
            "sh"));
    Map<String, Trial> trials = new LinkedHashMap<>();
    Map<String, PCollection<TrialResult>> results = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> c : commands.entrySet()) {
      Trial t = trial(c.getKey(), "num_epochs", "1");
      trials.put(c.getKey(), t);
      results.put(
          c.getKey(),
          p.apply(c.getKey() + "Trials", Create.of(List.of(t)))
              .apply(
                  c.getKey(),
                  TrainLocally.to(out.resolve(c.getKey()).toString())
                      .command(c.getValue())
                      .withWorkers(1)
                      .withTimeout(Duration.ofSeconds(3))));
    }
    String key = out.toString();
    for (Map.Entry<String, PCollection<TrialResult>> e : results.entrySet()) {
      String name = e.getKey();
      PAssert.that(e.getValue())
          .satisfies(
              rs -> {
                rs.forEach(
                    r ->
                        TrainLocallyTest.SEEN
                            .computeIfAbsent(key + name, k -> new ArrayList<>())
                            .add(r));
                return null;
              });
    }
    p.run().waitUntilFinish();
    Map<String, String> errors = new HashMap<>();
    for (String name : commands.keySet()) {
      List<TrialResult> rs = TrainLocallyTest.SEEN.remove(key + name);
      assertEquals(1, rs.size(), name);
      if (name.equals("notag")) {
        // It ran and reported; the objective it is ranked by fails it, naming what it did report.
        assertEquals("SUCCEEDED", rs.get(0).status().name(), rs.get(0).error());
        rs = List.of(Objective.DEFAULT.evaluate(rs.get(0)));
      }
      assertEquals("FAILED", rs.get(0).status().name(), name);
      assertFalse(rs.get(0).error().contains("\n"), name + " is one line: " + rs.get(0).error());
      errors.put(name, rs.get(0).error());
    }
    assertTrue(
        errors
            .get("missing")
            .startsWith(
                "the trainer command /nonexistent/bin/trainer cannot be run (no such file or directory)"),
        errors.get("missing"));
    assertTrue(
        errors.get("notexec").contains("cannot be run (permission denied)"), errors.get("notexec"));
    assertTrue(
        errors.get("nometric").startsWith("the trainer exited with code 0 but reported no metric"),
        errors.get("nometric"));
    assertTrue(
        errors
            .get("malformed")
            .startsWith(
                "line 1 of the metric file CLOUD_ML_HP_METRIC_FILE is not a hypertune report (accuracy is \"high\", not a number)"),
        errors.get("malformed"));
    assertTrue(
        errors.get("hangs").startsWith("the trainer ran past its timeout of 3 s and was killed"),
        errors.get("hangs"));
    assertEquals("--lr abc is not a number; give a positive number", errors.get("usage"));
    assertTrue(
        errors
            .get("secret")
            .startsWith(
                "the trainer exited with code 3, last output: Authorization: Bearer [REDACTED]"),
        errors.get("secret"));
    assertEquals(
        "the trainer never reported val_accuracy, the objective's metric; it reported accuracy",
        errors.get("notag"));
    String secretLog =
        Files.readString(
            out.resolve("secret")
                .resolve("trials")
                .resolve(trials.get("secret").id())
                .resolve("trainer.log"));
    assertFalse(secretLog.contains("SECRETSECRET"), "the saved log is redacted too: " + secretLog);
  }
}
