package dev.tunebeam.transforms.space;

import com.google.auto.value.AutoValue;
import dev.tunebeam.transforms.settings.Checks;
import dev.tunebeam.transforms.study.Trial;
import java.util.List;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * Expands a {@link SearchSpace} into its trials, then reshuffles them so a distributed runner
 * spreads them over workers. The space is expanded and checked while the pipeline is built, so a
 * bad space fails before anything runs or is written.
 *
 * <pre>{@code
 * PCollection<Trial> trials = pipeline.apply(ExpandSearchSpace.of(SearchSpace.referenceStudy()).withMaxTrials(100));
 * }</pre>
 */
@AutoValue
public abstract class ExpandSearchSpace extends PTransform<PBegin, PCollection<Trial>> {
  private static final long serialVersionUID = 1L;

  public static final int DEFAULT_MAX_TRIALS = 1000;

  public abstract SearchSpace space();

  public abstract int maxTrials();

  abstract Builder toBuilder();

  public static ExpandSearchSpace of(SearchSpace space) {
    if (space == null) {
      throw new IllegalArgumentException(
          "space is missing; load one with SearchSpaceLoader or build one with SearchSpace.builder");
    }
    return new AutoValue_ExpandSearchSpace.Builder()
        .setSpace(space)
        .setMaxTrials(DEFAULT_MAX_TRIALS)
        .build();
  }

  /** Refuse spaces of more trials than this (default 1000). */
  public ExpandSearchSpace withMaxTrials(int maxTrials) {
    return toBuilder().setMaxTrials(Checks.atLeast("maxTrials", maxTrials, 1, "")).build();
  }

  public List<Trial> trials() {
    return space().trials(maxTrials());
  }

  @Override
  public PCollection<Trial> expand(PBegin input) {
    // No reshuffle: what runs trials gathers them first (a plan needs them all), then spreads its
    // groups over the workers. A key per trial made the DirectRunner gather them one bundle at a
    // time, copying the growing list each time: 90 s before the first of 2,000 trials started.
    return input.apply("Trials", Create.of(trials()));
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("study", space().study()))
        .add(DisplayData.item("maxTrials", maxTrials()));
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setSpace(SearchSpace v);

    abstract Builder setMaxTrials(int v);

    abstract ExpandSearchSpace build();
  }
}
