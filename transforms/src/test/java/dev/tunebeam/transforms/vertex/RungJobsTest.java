package dev.tunebeam.transforms.vertex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.aiplatform.v1.CustomJob;
import dev.tunebeam.transforms.study.Trial;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each rung of a trial is its own CustomJob: same trial id and folder, told apart by the rung
 * label.
 */
class RungJobsTest {
  private static Trial rung(int epochs) {
    return new Trial(
        "abc123def456", "s", Map.of("activation", "relu", "num_epochs", Integer.toString(epochs)));
  }

  @Test
  void aRungsJobIsLabelledWithTheEpochItTrainsTo() {
    assertEquals("3", TrialJobs.labels(rung(3)).get(VertexLabels.RUNG));
    assertEquals(
        TrialJobs.labels(rung(3)).get(VertexLabels.TRIAL_ID),
        TrialJobs.labels(rung(10)).get(VertexLabels.TRIAL_ID));
    assertEquals(
        TrialJobs.baseOutputDirectory("gs://b/p", rung(3)),
        TrialJobs.baseOutputDirectory("gs://b/p", rung(10)),
        "one folder per trial, so its checkpoint carries over");
  }

  @Test
  void aRetryAttachesOnlyToTheSameRung() {
    CustomJob rung1 = CustomJob.newBuilder().putAllLabels(TrialJobs.labels(rung(1))).build();
    assertTrue(TrialJobs.sameRung(rung(1), rung1));
    assertFalse(TrialJobs.sameRung(rung(3), rung1), "rung 3 must not reuse rung 1's finished job");
    CustomJob legacy =
        CustomJob.newBuilder().putLabels(VertexLabels.TRIAL_ID, "abc123def456").build();
    assertTrue(
        TrialJobs.sameRung(rung(3), legacy),
        "a job from before rung labels ran the trial's only rung");
  }
}
