package dev.tunebeam.transforms.search.stopping;

import dev.tunebeam.trainer.train.TrainingConfig;
import dev.tunebeam.transforms.search.Schedule;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.StoppingRule;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Objectives;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.annotations.Internal;

/**
 * A stopping rule checked against the study it stops: the epochs its stages train to ({@code
 * epochs}: each decision epoch, then num_epochs) and the one objective it judges by. A stage trains
 * its trials to its epoch; the rule then stops some and the rest continue from their checkpoints to
 * the next.
 */
@Internal
public record StoppingPlan(StoppingRule rule, Objective objective, List<Integer> epochs)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public StoppingPlan {
    epochs = List.copyOf(epochs);
  }

  /**
   * Throws IllegalArgumentException, naming the field and the fix, for a rule this study cannot
   * use: with an algorithm that already stops trials in rungs (halving, hyperband), with several
   * objectives, with a searched num_epochs, or deciding at an epoch the trials never reach.
   */
  public static StoppingPlan of(SearchSpace space, StoppingRule rule, Objectives objectives) {
    Schedule schedule = Schedule.of(space);
    if (schedule.shape() == Schedule.Shape.RUNGS) {
      throw new IllegalArgumentException(
          "stopping cannot be used with algorithm "
              + schedule.algorithm()
              + ", which already stops trials at its rungs; drop stopping, or use grid, random, tpe"
              + " or gp");
    }
    if (objectives.several()) {
      throw new IllegalArgumentException(
          "stopping compares trials on one objective, but the study has "
              + objectives.size()
              + " ("
              + objectives.describe()
              + "); keep one objective or drop stopping");
    }
    if (space.parameters().stream().anyMatch(p -> p.name().equals("num_epochs"))) {
      throw new IllegalArgumentException(
          "num_epochs is searched, but stopping needs one epoch count for every trial; fix"
              + " num_epochs under fixed: or drop stopping");
    }
    String fixed = space.fixed().get("num_epochs");
    int top = fixed == null ? TrainingConfig.DEFAULT_EPOCHS : Integer.parseInt(fixed);
    List<Integer> epochs = new ArrayList<>(rule.epochs(top));
    epochs.add(top);
    return new StoppingPlan(rule, objectives.primary(), epochs);
  }

  /** The epochs a decision is taken at: every stage's but the last. */
  public List<Integer> decisionEpochs() {
    return epochs.subList(0, epochs.size() - 1);
  }

  public int topEpochs() {
    return epochs.get(epochs.size() - 1);
  }
}
