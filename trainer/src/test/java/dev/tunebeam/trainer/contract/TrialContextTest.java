package dev.tunebeam.trainer.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.trainer.report.HypertuneFile;
import dev.tunebeam.trainer.report.StepMetrics;
import dev.tunebeam.trainer.report.WorkerOutcome;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialContextTest {
  @TempDir Path tmp;

  @Test
  void valuesThatLookLikeOptionsTravelAsOneArgumentAndComeBackExactly() {
    Map<String, String> parameters = new java.util.LinkedHashMap<>();
    parameters.put("m", "--evil");
    parameters.put("lr", "-0.5");
    parameters.put("act", "relu");
    List<String> flags = TrialContract.flags(parameters);
    assertEquals(List.of("--m=--evil", "--lr=-0.5", "--act", "relu"), flags);
    assertEquals(parameters, TrialContext.fromContract(flags, Map.of()).parameters());
  }

  @Test
  void typedGettersNameTheParameterAndWhatIsAllowed() {
    TrialContext ctx =
        TrialContext.fromContract(
            List.of("--hidden", "128.0", "--learning_rate=abc", "--act", "GELU"), Map.of());
    assertEquals(128, ctx.integer("hidden"), "Vertex passes integers as decimals");
    assertEquals(3, ctx.integer("layers", 3));
    assertEquals(
        "parameter learning_rate abc is not a finite number; give a number such as 0.001",
        assertThrows(BadParameterException.class, () -> ctx.decimal("learning_rate")).getMessage());
    assertEquals(
        "parameter act gelu is not supported; allowed: relu, tanh",
        assertThrows(BadParameterException.class, () -> ctx.choice("act", "relu", "relu", "tanh"))
            .getMessage());
    assertTrue(
        assertThrows(BadParameterException.class, () -> ctx.string("seed"))
            .getMessage()
            .startsWith("parameter seed is missing"));
    assertThrows(
        BadParameterException.class,
        () -> TrialContext.fromContract(List.of("--a", "1", "--a", "2"), Map.of()));
  }

  @Test
  void foldersAndReportsFollowTheContractsEnvironment() throws Exception {
    Path metrics = tmp.resolve("hp/output.metrics");
    TrialContext ctx =
        TrialContext.fromContract(
            List.of(),
            Map.of(
                "AIP_MODEL_DIR",
                "/m",
                "CLOUD_ML_TRIAL_ID",
                "9",
                "CLOUD_ML_HP_METRIC_FILE",
                metrics.toString(),
                "TUNEBEAM_DEVICE",
                "cpu"));
    assertEquals(Path.of("/m"), ctx.modelDir());
    assertEquals(null, ctx.checkpointDir());
    assertEquals("cpu", ctx.device());
    ctx.report(1, Map.of("val_accuracy", 0.5, "train_loss", 1.25));
    ctx.finish(TrialOutcome.of(Map.of("test_accuracy", 0.75)));
    List<StepMetrics> steps = HypertuneFile.parse("m", Files.readString(metrics));
    assertEquals(1, steps.size());
    assertEquals(
        Map.of("val_accuracy", 0.5, "train_loss", 1.25, "test_accuracy", 0.75),
        steps.get(0).metrics());
    assertTrue(Files.readString(metrics).contains("\"trial\":\"9\""));
  }

  /**
   * A worker JVM's exits: 0, 2 with the parameter's sentence, 1 with the failure, each in the
   * outcome file.
   */
  @Test
  void theWorkerReportsHowItEndedInItsOutcomeFile() throws Exception {
    Trainable ok =
        ctx -> {
          ctx.report(1, Map.of("val_accuracy", ctx.decimal("x")));
          return TrialOutcome.reported();
        };
    Trainable broken =
        ctx -> {
          throw new IllegalStateException("out of memory on the device");
        };
    assertEquals(0, runWorker(ok, "--x", "0.5").exitCode());
    WorkerOutcome bad = runWorker(ok, "--x", "many");
    assertEquals(2, bad.exitCode());
    assertTrue(bad.usageError());
    assertEquals(
        "parameter x many is not a finite number; give a number such as 0.001", bad.error());
    WorkerOutcome failed = runWorker(broken);
    assertEquals(1, failed.exitCode());
    assertEquals(
        "training failed: java.lang.IllegalStateException: out of memory on the device",
        failed.error());
  }

  private WorkerOutcome runWorker(Trainable t, String... args) throws Exception {
    Path file = Files.createTempFile(tmp, "t", ".ser");
    try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
      out.writeObject(t);
    }
    Path outcome = tmp.resolve("outcome-" + file.getFileName() + ".json");
    int code =
        TrainableMain.run(
            List.of(args),
            Map.of(
                "TUNEBEAM_TRAINABLE",
                file.toString(),
                "TUNEBEAM_OUTCOME_FILE",
                outcome.toString(),
                "CLOUD_ML_HP_METRIC_FILE",
                tmp.resolve("m-" + file.getFileName()).toString()),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    WorkerOutcome o = WorkerOutcome.read(outcome).orElseThrow();
    assertEquals(code, o.exitCode());
    return o;
  }
}
