package dev.tunebeam.transforms.results;

import com.google.auto.value.AutoValue;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.TrialResult;
import java.util.List;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Gathers every {@link TrialResult} into one {@link Leaderboard}, judged by the study's {@link
 * Objectives} and best first (by Pareto front when there are several).
 *
 * <pre>{@code
 * PCollection<Leaderboard> board = results.apply(RankTrials.by(Objective.DEFAULT));
 * }</pre>
 */
@AutoValue
public abstract class RankTrials
    extends PTransform<PCollection<TrialResult>, PCollection<Leaderboard>> {
  private static final long serialVersionUID = 1L;

  public abstract Objectives objectives();

  /** Ranks by the default objective: best validation accuracy, maximised. */
  public static RankTrials byDefault() {
    return by(Objective.DEFAULT);
  }

  public static RankTrials by(Objective objective) {
    if (objective == null) {
      throw new IllegalArgumentException(
          "objective is missing; use Objective.DEFAULT or Objective.parse(metric, goal, measurement)");
    }
    return by(Objectives.of(objective));
  }

  /** Ranks by several objectives: non-dominated front, then crowding distance. */
  public static RankTrials by(Objectives objectives) {
    if (objectives == null) {
      throw new IllegalArgumentException(
          "objectives is missing; use Objectives.DEFAULT or new Objectives(List.of(...))");
    }
    return new AutoValue_RankTrials(objectives);
  }

  @Override
  public PCollection<Leaderboard> expand(PCollection<TrialResult> results) {
    Objectives o = objectives();
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
    builder.add(DisplayData.item("objective", objectives().describe()));
  }
}
