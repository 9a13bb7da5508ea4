package dev.tunebeam.transforms.tuning;

import com.google.cloud.aiplatform.v1.StudySpec;
import dev.tunebeam.trainer.cli.EnumChoice;
import org.apache.beam.sdk.annotations.Internal;

/**
 * Vizier's automated stopping for a tuning job ({@code --early-stopping}): {@code median} stops a
 * trial whose best objective so far is below the median of earlier trials at the same step; {@code
 * decay-curve} stops one whose predicted final objective is unlikely to beat the best; {@code none}
 * lets every trial finish. Steps are the trainer's epochs ({@code global_step}).
 */
@Internal
public enum EarlyStopping {
  MEDIAN,
  DECAY_CURVE,
  NONE;

  public String key() {
    return EnumChoice.key(this);
  }

  public static EarlyStopping parse(String field, String value) {
    return EnumChoice.parse(EarlyStopping.class, field, value, "is not supported");
  }

  /**
   * Sets the study's automated stopping spec; steps, not elapsed time, since epochs are what the
   * trainer reports.
   */
  void apply(StudySpec.Builder spec) {
    switch (this) {
      case MEDIAN ->
          spec.setMedianAutomatedStoppingSpec(
              StudySpec.MedianAutomatedStoppingSpec.newBuilder().setUseElapsedDuration(false));
      case DECAY_CURVE ->
          spec.setDecayCurveStoppingSpec(
              StudySpec.DecayCurveAutomatedStoppingSpec.newBuilder().setUseElapsedDuration(false));
      case NONE -> {}
    }
  }
}
