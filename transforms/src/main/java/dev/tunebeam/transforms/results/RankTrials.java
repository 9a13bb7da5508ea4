package dev.tunebeam.transforms.results;

import com.google.auto.value.AutoValue;
import java.util.List;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Gathers every {@link TrialResult} into one {@link Leaderboard}, judged by an {@link Objective}
 * and best first.
 *
 * <pre>{@code
 * PCollection<Leaderboard> board = results.apply(RankTrials.by(Objective.DEFAULT));
 * }</pre>
 */
@AutoValue
public abstract class RankTrials
    extends PTransform<PCollection<TrialResult>, PCollection<Leaderboard>> {
  private static final long serialVersionUID = 1L;

  public abstract Objective objective();

  /** Ranks by the default objective: best validation accuracy, maximised. */
  public static RankTrials byDefault() {
    return by(Objective.DEFAULT);
  }

  public static RankTrials by(Objective objective) {
    if (objective == null) {
      throw new IllegalArgumentException(
          "objective is missing; use Objective.DEFAULT or Objective.parse(metric, goal, measurement)");
    }
    return new AutoValue_RankTrials(objective);
  }

  @Override
  public PCollection<Leaderboard> expand(PCollection<TrialResult> results) {
    Objective o = objective();
    return results
        .apply("Gather", Combine.globally(ToList.<TrialResult>of()))
        .apply(
            "Rank",
            MapElements.into(TypeDescriptor.of(Leaderboard.class))
                .via((List<TrialResult> all) -> Leaderboard.rank(all, o)));
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder.add(DisplayData.item("objective", objective().describe()));
  }
}
