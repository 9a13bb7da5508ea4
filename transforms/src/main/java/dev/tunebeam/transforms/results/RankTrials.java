package dev.tunebeam.transforms.results;

import java.util.List;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Gathers every {@link TrialResult} into one {@link Leaderboard}, best first.
 *
 * <pre>{@code
 * PCollection<Leaderboard> board = results.apply(RankTrials.by(Objective.BEST_TEST_ACCURACY));
 * }</pre>
 */
public final class RankTrials extends PTransform<PCollection<TrialResult>, PCollection<Leaderboard>> {
  private final Objective objective;

  private RankTrials(Objective objective) {
    this.objective = objective;
  }

  /** Ranks by best test accuracy, descending. */
  public static RankTrials byBestTestAccuracy() {
    return by(Objective.BEST_TEST_ACCURACY);
  }

  public static RankTrials by(Objective objective) {
    return new RankTrials(objective);
  }

  @Override
  public PCollection<Leaderboard> expand(PCollection<TrialResult> results) {
    Objective o = objective;
    return results
        .apply("Gather", Combine.globally(ToList.<TrialResult>of()))
        .apply("Rank", MapElements.into(TypeDescriptor.of(Leaderboard.class)).via((List<TrialResult> all) -> Leaderboard.rank(all, o)));
  }
}
