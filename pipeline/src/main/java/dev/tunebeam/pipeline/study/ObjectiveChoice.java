package dev.tunebeam.pipeline.study;

import dev.tunebeam.pipeline.SearchOptions;
import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Objectives;
import java.util.ArrayList;
import java.util.List;

/**
 * The objectives a run ranks by: {@code --objective} (one metric, or several as {@code
 * val_accuracy:max,train_seconds:min}), {@code --objectiveGoal} (one objective's goal) and {@code
 * --measurement} (the study's) over the search space's {@code objective} or {@code objectives},
 * over the default (best val_accuracy, maximised). A study without a validation split ({@code
 * validation_samples: 0}) ranks by test accuracy instead, and its outputs say so. The built-in
 * trainer reports seven tags; naming another is a typo, refused before anything trains, once. A
 * trainer of your own may report any tag.
 */
public final class ObjectiveChoice {
  static final List<String> BUILT_IN_TAGS =
      List.of(
          EpochRecord.TEST_ACCURACY,
          EpochRecord.TRAIN_ACCURACY,
          EpochRecord.TRAIN_LOSS,
          EpochRecord.VAL_ACCURACY,
          EpochRecord.VAL_LOSS,
          EpochRecord.TRAIN_SECONDS,
          EpochRecord.PARAM_COUNT);

  private ObjectiveChoice() {}

  public static Objectives of(SearchOptions options) {
    return of(options, null);
  }

  public static Objectives of(SearchOptions options, SearchSpace space) {
    Objectives d =
        space != null && space.objectives() != null ? space.objectives() : Objectives.DEFAULT;
    Objectives o = over(options, d, true);
    return space == null ? o : space.withoutValidationIfOff(o);
  }

  /**
   * For {@code collect}: the flags over the objectives the study recorded when it ran (their
   * metrics were checked then, and collect is not told the trainer); a metric named by flag is
   * checked.
   */
  public static Objectives overRecorded(SearchOptions options, Objectives recorded) {
    return over(options, recorded, options.getObjective() != null);
  }

  private static Objectives over(SearchOptions options, Objectives d, boolean checkTag) {
    String text = options.getObjective() == null ? null : options.getObjective().trim();
    Objective.Measurement measurement =
        options.getMeasurement() == null
            ? d.primary().measurement()
            : Objective.parseMeasurement("--measurement", options.getMeasurement());
    Objectives chosen;
    if (text != null && (text.contains(",") || text.contains(":"))) {
      chosen = Objectives.parse("--objective", text, measurement);
      if (options.getObjectiveGoal() != null) {
        throw new IllegalArgumentException(
            "--objectiveGoal and goals in --objective "
                + text
                + " both set a goal; give each goal in --objective as metric:goal");
      }
    } else {
      List<Objective> all = new ArrayList<>();
      Objective first = d.primary();
      all.add(
          new Objective(
              text == null ? first.metric() : Objective.checkMetric("--objective", text),
              options.getObjectiveGoal() == null
                  ? first.goal()
                  : Objective.parseGoal("--objectiveGoal", options.getObjectiveGoal()),
              measurement));
      // A metric named by flag replaces the space's objectives; otherwise the later ones stay.
      if (text == null) {
        d.all().stream()
            .skip(1)
            .forEach(o -> all.add(new Objective(o.metric(), o.goal(), measurement)));
      }
      chosen = new Objectives(all);
    }
    // A trainer of your own (--trainerCommand, --trainerClass, a trainer block) reports tags of its
    // own choosing.
    if (checkTag && !TrainerChoice.ownTrainer(options)) {
      for (String metric : chosen.metrics()) {
        if (!BUILT_IN_TAGS.contains(metric)) {
          throw new IllegalArgumentException(
              (text == null ? "objective metric " : "--objective ")
                  + metric
                  + " is not a metric the built-in trainer reports; allowed: "
                  + String.join(", ", BUILT_IN_TAGS));
        }
      }
    }
    return chosen;
  }
}
