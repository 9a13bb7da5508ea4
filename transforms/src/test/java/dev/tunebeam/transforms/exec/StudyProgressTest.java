package dev.tunebeam.transforms.exec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.transforms.study.Objective;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StudyProgressTest {
  @Test
  void parsesWorkerProgressLinesAndReportsCompletionAndEta() {
    StudyProgress progress = new StudyProgress(Objective.DEFAULT);
    progress.planned(4);
    Optional<String> line =
        progress.record(
            "@progress {\"trial\":\"abc123\",\"epoch\":1,\"epochs\":2,\"train_loss\":0.5,\"val_accuracy\":0.83,\"test_accuracy\":0.81,\"seconds\":3.5}");
    assertTrue(line.isPresent());
    assertTrue(
        line.get()
            .startsWith(
                "trial abc123 epoch 1/2: val_accuracy 0.8300, train loss 0.5000, 3.5 s; study 25% (1/4 model-epochs), ETA "),
        line.get());
    assertFalse(
        line.get().contains("test") || line.get().contains("0.81"),
        "test accuracy stays out of progress lines: " + line.get());
    assertTrue(
        progress.record("[abc123] Test Acc: 0.810").isEmpty(),
        "ordinary trainer lines are not progress");
  }

  @Test
  void theLineShowsTheStudysObjectiveAndSaysWhenATrialDoesNotReportIt() {
    StudyProgress progress =
        new StudyProgress(
            new Objective("val_loss", Objective.Goal.MINIMIZE, Objective.Measurement.BEST));
    progress.planned(1, 3);
    String line =
        progress
            .record(
                "@progress {\"trial\":\"a\",\"epoch\":1,\"epochs\":3,\"val_loss\":0.42,\"val_accuracy\":0.9,\"seconds\":1}")
            .orElseThrow();
    assertTrue(line.startsWith("trial a epoch 1/3: val_loss 0.4200,"), line);
    progress.record(
        "@progress {\"trial\":\"a\",\"epoch\":2,\"epochs\":3,\"val_loss\":0.55,\"seconds\":1}");
    String silent =
        progress
            .record("@progress {\"trial\":\"a\",\"epoch\":3,\"epochs\":3,\"seconds\":1}")
            .orElseThrow();
    assertTrue(silent.startsWith("trial a epoch 3/3: val_loss not reported,"), silent);
    assertTrue(
        progress.statusLine().endsWith("| best val_loss 0.4200"),
        "minimised: the lower is the best; " + progress.statusLine());
  }
}
