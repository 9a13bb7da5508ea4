package dev.tunebeam.pipeline;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.results.Objective;
import java.util.List;

/**
 * The objective a run ranks by: each of {@code --objective --objectiveGoal --measurement} over
 * the default's. The built-in trainer reports five tags; naming another is a typo, refused
 * before anything trains. A trainer of your own may report any tag.
 */
final class StudyObjective {
  static final List<String> BUILT_IN_TAGS = List.of(EpochRecord.TEST_ACCURACY, EpochRecord.TRAIN_ACCURACY, EpochRecord.TRAIN_LOSS,
      EpochRecord.VAL_ACCURACY, EpochRecord.VAL_LOSS);

  private StudyObjective() {}

  static Objective of(GridSearchOptions options) {
    Objective d = Objective.DEFAULT;
    String metric = options.getObjective() == null ? d.metric() : Objective.checkMetric("--objective", options.getObjective().trim());
    // A trainer of your own (--trainerCommand, --trainerClass, a trainer block) reports tags of its own choosing.
    if (!BUILT_IN_TAGS.contains(metric) && !TrainerChoice.ownTrainer(options)) {
      throw new IllegalArgumentException("--objective " + metric + " is not a metric the built-in trainer reports; allowed: "
          + String.join(", ", BUILT_IN_TAGS));
    }
    return new Objective(metric,
        options.getObjectiveGoal() == null ? d.goal() : Objective.parseGoal("--objectiveGoal", options.getObjectiveGoal()),
        options.getMeasurement() == null ? d.measurement() : Objective.parseMeasurement("--measurement", options.getMeasurement()));
  }
}
