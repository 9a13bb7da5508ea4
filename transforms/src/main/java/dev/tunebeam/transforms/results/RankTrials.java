package dev.tunebeam.transforms.results;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.ListCoder;
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
        .apply("Gather", Combine.globally(new Gather()))
        .apply("Rank", MapElements.into(TypeDescriptor.of(Leaderboard.class)).via((List<TrialResult> all) -> Leaderboard.rank(all, o)));
  }

  /** All results in one list; an empty input gives an empty list, so an empty study still gets a table. */
  static final class Gather extends Combine.CombineFn<TrialResult, List<TrialResult>, List<TrialResult>> {
    @Override
    public List<TrialResult> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public List<TrialResult> addInput(List<TrialResult> acc, TrialResult r) {
      acc.add(r);
      return acc;
    }

    @Override
    public List<TrialResult> mergeAccumulators(Iterable<List<TrialResult>> accs) {
      List<TrialResult> all = new ArrayList<>();
      accs.forEach(all::addAll);
      return all;
    }

    @Override
    public List<TrialResult> extractOutput(List<TrialResult> acc) {
      return acc;
    }

    @Override
    public Coder<List<TrialResult>> getAccumulatorCoder(CoderRegistry registry, Coder<TrialResult> input) {
      return ListCoder.of(input);
    }

    @Override
    public Coder<List<TrialResult>> getDefaultOutputCoder(CoderRegistry registry, Coder<TrialResult> input) {
      return ListCoder.of(input);
    }
  }
}
