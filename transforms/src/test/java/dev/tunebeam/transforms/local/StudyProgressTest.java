package dev.tunebeam.transforms.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StudyProgressTest {
  @Test
  void parsesWorkerProgressLinesAndReportsCompletionAndEta() {
    StudyProgress progress = new StudyProgress();
    progress.planned(4);
    Optional<String> line = progress.record(
        "@progress {\"trial\":\"abc123\",\"epoch\":1,\"epochs\":2,\"train_loss\":0.5,\"test_accuracy\":0.81,\"seconds\":3.5}");
    assertTrue(line.isPresent());
    assertTrue(line.get().startsWith("trial abc123 epoch 1/2: test accuracy 0.8100, train loss 0.5000, 3.5 s; study 25% (1/4 model-epochs), ETA "),
        line.get());
    assertTrue(progress.record("[abc123] Test Acc: 0.810").isEmpty(), "ordinary trainer lines are not progress");
  }
}
