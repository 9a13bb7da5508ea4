package dev.tunebeam.trainer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.trainer.model.Activation;
import dev.tunebeam.trainer.optim.OptimizerKind;
import dev.tunebeam.trainer.train.MemberRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlagsTest {
  @Test
  void bothSpellingsAndUnderscoresParse() {
    MemberRun m =
        TrainerArgs.parse(
                List.of(
                    "--activation",
                    "leakyrelu",
                    "--optimizer=rmsprop",
                    "--batch_size",
                    "32",
                    "--num-epochs=3"),
                Map.of())
            .members()
            .get(0);
    assertEquals(Activation.LEAKYRELU, m.config().activation());
    assertEquals(OptimizerKind.RMSPROP, m.config().optimizer());
    assertEquals(32, m.config().batchSize());
    assertEquals(3, m.config().epochs());
    assertEquals(0.001f, m.config().learningRate());
  }

  /** Vertex AI passes a tuning job's discrete values as doubles: --batch_size=128.0. */
  @Test
  void wholeNumbersWrittenAsDecimalsAreAccepted() {
    MemberRun m =
        TrainerArgs.parse(
                List.of("--batch_size=128.0", "--num_epochs=10.0", "--seed=7.0"), Map.of())
            .members()
            .get(0);
    assertEquals(128, m.config().batchSize());
    assertEquals(10, m.config().epochs());
    assertEquals(7, m.config().seed());
    assertTrue(
        assertThrows(
                UsageException.class,
                () -> TrainerArgs.parse(List.of("--batch-size=64.5"), Map.of()))
            .getMessage()
            .contains("--batch-size 64.5 is not an integer"));
    assertTrue(
        assertThrows(
                UsageException.class,
                () -> TrainerArgs.parse(List.of("--batch-size=99999999999"), Map.of()))
            .getMessage()
            .contains("--batch-size 99999999999 is out of range; allowed: whole numbers from"));
  }

  @Test
  void vertexEnvironmentFillsTheDirectories() {
    MemberRun m =
        TrainerArgs.parse(
                List.of(),
                Map.of(
                    "AIP_MODEL_DIR",
                    "gs://b/m",
                    "AIP_CHECKPOINT_DIR",
                    "gs://b/c",
                    "AIP_TENSORBOARD_LOG_DIR",
                    "gs://b/t",
                    "CLOUD_ML_TRIAL_ID",
                    "12"))
            .members()
            .get(0);
    assertEquals("gs://b/m", m.modelDir());
    assertEquals("gs://b/c", m.checkpointDir());
    assertEquals("gs://b/t", m.tensorboardDir());
    assertEquals("12", m.trialId());
  }

  @Test
  void errorsNameTheFlag() {
    assertTrue(
        assertThrows(
                UsageException.class,
                () -> TrainerArgs.parse(List.of("--batch-size", "abc"), Map.of()))
            .getMessage()
            .contains("--batch-size abc is not an integer"));
    assertTrue(
        assertThrows(
                UsageException.class, () -> TrainerArgs.parse(List.of("--batch-size"), Map.of()))
            .getMessage()
            .contains("--batch-size needs a value"));
    assertTrue(
        assertThrows(
                UsageException.class, () -> TrainerArgs.parse(List.of("--epochs", "3"), Map.of()))
            .getMessage()
            .startsWith("unknown flag --epochs; known flags:"));
    assertTrue(
        assertThrows(
                UsageException.class,
                () -> TrainerArgs.parse(List.of("--seed", "1", "--seed=2"), Map.of()))
            .getMessage()
            .contains("--seed is given twice"));
    assertTrue(
        assertThrows(UsageException.class, () -> TrainerArgs.parse(List.of("relu"), Map.of()))
            .getMessage()
            .contains("unexpected argument relu"));
    assertTrue(
        assertThrows(
                UsageException.class,
                () -> TrainerArgs.parse(List.of("--learning-rate", "-0.1"), Map.of()))
            .getMessage()
            .contains("--learning-rate -0.1 is not allowed"));
    assertTrue(
        assertThrows(
                UsageException.class,
                () -> TrainerArgs.parse(List.of("--group", "g.json", "--seed", "3"), Map.of()))
            .getMessage()
            .contains("--seed conflicts with --group"));
  }

  /**
   * The parameters a search space may vary are the trainer's hyperparameter flags, and the help
   * page lists each.
   */
  @Test
  void theSeedsSpellingsAreHyperparametersAndTheHelpNamesEveryFlag() {
    assertTrue(
        TrainerArgs.HYPERPARAMETERS.containsAll(
            List.of(
                "activation",
                "optimizer",
                "batch-size",
                "num-epochs",
                "learning-rate",
                "pooling")));
    assertTrue(
        !TrainerArgs.HYPERPARAMETERS.contains("model-dir")
            && !TrainerArgs.HYPERPARAMETERS.contains("threads"));
    String help = TrainerArgs.usage();
    for (String flag :
        List.of(
            "batch-size",
            "num-epochs",
            "data-dir",
            "model-dir",
            "tensorboard-dir",
            "threads",
            "group",
            "outcome-file")) {
      assertTrue(help.contains("--" + flag + " "), flag + " in " + help);
    }
    assertTrue(help.contains("--pooling avg|max") && help.contains("--device auto|cpu|gpu"), help);
  }

  /** member() reuses one parser per thread: nothing of one call may reach the next. */
  @Test
  void aReusedParserStartsFromTheDefaultsEveryTime() {
    MemberRun first =
        TrainerArgs.member(
            List.of(
                "--learning-rate",
                "0.5",
                "--model-dir",
                "/m",
                "--activation",
                "tanh",
                "--seed",
                "1"));
    assertEquals(0.5f, first.config().learningRate());
    MemberRun second = TrainerArgs.member(List.of("--seed", "2"));
    assertEquals(
        0.001f, second.config().learningRate(), "adam's default, not the last call's value");
    assertEquals(Activation.RELU, second.config().activation());
    assertEquals(null, second.modelDir());
    assertEquals(2, second.config().seed(), "--seed once per call is not a repeat");
  }
}
