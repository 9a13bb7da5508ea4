package dev.tunebeam.pipeline.study;

import dev.tunebeam.pipeline.SearchOptions;
import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.results.Objective;
import dev.tunebeam.transforms.space.SearchSpace;
import java.util.List;

/**
 * The objective a run ranks by: each of {@code --objective --objectiveGoal --measurement} over the
 * search space's {@code objective}, over the default (best val_accuracy, maximised). A study
 * without a validation split ({@code validation_samples: 0}) ranks by test accuracy instead, and
 * its outputs say so. The built-in trainer reports five tags; naming another is a typo, refused
 * before anything trains. A trainer of your own may report any tag.
 */
public final class ObjectiveChoice {
  static final List<String> BUILT_IN_TAGS =
      List.of(
          EpochRecord.TEST_ACCURACY,
          EpochRecord.TRAIN_ACCURACY,
          EpochRecord.TRAIN_LOSS,
          EpochRecord.VAL_ACCURACY,
          EpochRecord.VAL_LOSS);

  private ObjectiveChoice() {}

  public static Objective of(SearchOptions options) {
    return of(options, null);
  }

  public static Objective of(SearchOptions options, SearchSpace space) {
    Objective d =
        space != null && space.objective() != null ? space.objective() : Objective.DEFAULT;
    Objective o = over(options, d, true);
    return space == null ? o : space.withoutValidationIfOff(o);
  }

  /**
   * For {@code collect}: the flags over the objective the study recorded when it ran (its metric
   * was checked then, and collect is not told the trainer); a metric named by flag is checked.
   */
  public static Objective overRecorded(SearchOptions options, Objective recorded) {
    return over(options, recorded, options.getObjective() != null);
  }

  private static Objective over(SearchOptions options, Objective d, boolean checkTag) {
    String metric =
        options.getObjective() == null
            ? d.metric()
            : Objective.checkMetric("--objective", options.getObjective().trim());
    // A trainer of your own (--trainerCommand, --trainerClass, a trainer block) reports tags of its
    // own choosing.
    if (checkTag && !BUILT_IN_TAGS.contains(metric) && !TrainerChoice.ownTrainer(options)) {
      throw new IllegalArgumentException(
          (options.getObjective() == null ? "objective metric " : "--objective ")
              + metric
              + " is not a metric the built-in trainer reports; allowed: "
              + String.join(", ", BUILT_IN_TAGS));
    }
    return new Objective(
        metric,
        options.getObjectiveGoal() == null
            ? d.goal()
            : Objective.parseGoal("--objectiveGoal", options.getObjectiveGoal()),
        options.getMeasurement() == null
            ? d.measurement()
            : Objective.parseMeasurement("--measurement", options.getMeasurement()));
  }
}
