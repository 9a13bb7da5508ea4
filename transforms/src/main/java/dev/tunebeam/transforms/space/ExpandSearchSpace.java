package dev.tunebeam.transforms.space;

import java.util.List;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Reshuffle;
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
public final class ExpandSearchSpace extends PTransform<PBegin, PCollection<Trial>> {
  public static final int DEFAULT_MAX_TRIALS = 1000;

  private final SearchSpace space;
  private final int maxTrials;

  private ExpandSearchSpace(SearchSpace space, int maxTrials) {
    this.space = space;
    this.maxTrials = maxTrials;
  }

  public static ExpandSearchSpace of(SearchSpace space) {
    return new ExpandSearchSpace(space, DEFAULT_MAX_TRIALS);
  }

  /** Refuse spaces of more trials than this (default 1000). */
  public ExpandSearchSpace withMaxTrials(int maxTrials) {
    if (maxTrials < 1) {
      throw new IllegalArgumentException("maxTrials " + maxTrials + " must be at least 1");
    }
    return new ExpandSearchSpace(space, maxTrials);
  }

  public List<Trial> trials() {
    return space.trials(maxTrials);
  }

  @Override
  public PCollection<Trial> expand(PBegin input) {
    return input.apply("Trials", Create.of(trials())).apply("Spread", Reshuffle.viaRandomKey());
  }
}
