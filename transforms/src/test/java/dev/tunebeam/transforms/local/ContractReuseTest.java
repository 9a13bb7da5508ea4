package dev.tunebeam.transforms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.trainer.contract.Trainable;
import dev.tunebeam.trainer.contract.TrialOutcome;
import dev.tunebeam.transforms.exec.Lane;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contract trial's last report counts as its final epoch, whatever step it carried: a rerun
 * reuses a finished trial (with its seconds) by the epochs its run was asked for, and a value
 * Python writes as {@code nan} on a metric that is not the objective's does not fail the trial.
 */
@Tag("integration")
class ContractReuseTest {
  @TempDir Path out;

  static String report(String step, String tag, String value) {
    return "{\"timestamp\": 1.5, \"trial\": \"1\", \""
        + tag
        + "\": \""
        + value
        + "\", \"global_step\": \""
        + step
        + "\"}";
  }

  LocalSettings settings(String... lines) {
    StringBuilder script = new StringBuilder("sleep 0.3; : > \"$CLOUD_ML_HP_METRIC_FILE\"; ");
    for (String l : lines) {
      script.append("echo '").append(l).append("' >> \"$CLOUD_ML_HP_METRIC_FILE\"; ");
    }
    return TrainLocally.to(out.toString())
        .command(List.of("/bin/sh", "-c", script.toString(), "sh"))
        .withWorkers(1)
        .settings();
  }

  static Trial trial(String study, String epochs) {
    return Trial.of(study, Map.of("lr", "0.1", "num_epochs", epochs));
  }

  @Test
  void oneReportAtStepZeroIsReusedWithItsSecondsAndANanLossDoesNotFailIt() throws Exception {
    // cloudml-hypertune's default global_step is 0; Python writes a diverged loss as "nan".
    LocalSettings settings =
        settings(report("0", "val_accuracy", "0.7"), report("0", "train_loss", "nan"));
    Trial t = trial("zero", "3");
    TrialResult first = new ProgramTrainer(settings, Lane.detached()).train(t);
    assertEquals("SUCCEEDED", first.status().name(), first.error());
    TrialResult judged = Objective.DEFAULT.evaluate(first);
    assertEquals("SUCCEEDED", judged.status().name(), judged.error());
    assertEquals(0.7, judged.objectiveValue());
    assertTrue(Double.isNaN(first.history().get(0).metric("train_loss")));

    Optional<TrialResult> again = ProgramResume.earlier(t, settings);
    assertTrue(again.isPresent(), "a finished trial is not retrained");
    assertTrue(first.wallSeconds() >= 0.3, "seconds: " + first.wallSeconds());
    assertEquals(first.wallSeconds(), again.get().wallSeconds(), 1e-9, "its seconds are kept");
    assertEquals(first.history(), again.get().history());
  }

  @Test
  void stepsReportedOutOfOrderAreReusedToo() throws Exception {
    LocalSettings settings =
        settings(
            report("3", "val_accuracy", "0.5"),
            report("1", "val_accuracy", "0.6"),
            report("2", "val_accuracy", "0.7"));
    Trial t = trial("disorder", "3");
    TrialResult first = new ProgramTrainer(settings, Lane.detached()).train(t);
    assertEquals("SUCCEEDED", first.status().name(), first.error());
    assertTrue(ProgramResume.earlier(t, settings).isPresent());
  }

  @Test
  void anEarlierRungWithFewerEpochsIsContinuedNotReused() throws Exception {
    LocalSettings settings = settings(report("0", "val_accuracy", "0.5"));
    Trial rung1 = trial("rungs", "1");
    // The next rung of a schedule: the same trial (id and folder) asked for more epochs.
    Trial rung2 = new Trial(rung1.id(), rung1.study(), Map.of("lr", "0.1", "num_epochs", "3"));
    assertEquals(
        "SUCCEEDED", new ProgramTrainer(settings, Lane.detached()).train(rung1).status().name());
    assertTrue(ProgramResume.earlier(rung1, settings).isPresent());
    assertTrue(ProgramResume.earlier(rung2, settings).isEmpty());
  }

  /** Returns its result once, as the documentation shows: reported at step 1. */
  static final class OnceTrainable implements Trainable {
    private static final long serialVersionUID = 1L;

    @Override
    public TrialOutcome train(dev.tunebeam.trainer.contract.TrialContext ctx) {
      return TrialOutcome.of(Map.of("val_accuracy", 0.25 + ctx.integer("num_epochs") / 100.0));
    }
  }

  @Test
  void aTrainablesSingleOutcomeIsReusedWhenItWasAskedForSeveralEpochs() throws Exception {
    LocalSettings settings = TrainLocally.to(out.toString()).with(new OnceTrainable()).settings();
    Trial t = trial("once", "3");
    TrialResult first = new ProgramTrainer(settings, Lane.detached()).train(t);
    assertEquals("SUCCEEDED", first.status().name(), first.error());
    assertEquals(1, first.history().get(0).epoch(), "TrialOutcome.of reports at step 1");
    Optional<TrialResult> again = ProgramResume.earlier(t, settings);
    assertTrue(again.isPresent(), "not retrained on every rerun");
    assertEquals(0.28, Objective.DEFAULT.evaluate(again.get()).objectiveValue(), 1e-12);
  }
}
