package dev.tunebeam.transforms.search.replay;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.search.ScheduleWalk;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.TrialResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.beam.sdk.annotations.Internal;

/**
 * A replayed study as a sequence of trainings, in the order a single worker would run them: stages
 * in schedule order (brackets one after another), a stage's trials in the order the algorithm lists
 * them. Each step says what had been spent once it ended: trials started (a trial promoted to a
 * later rung is not counted again), model-epochs trained (a promoted trial continues from its
 * checkpoint, so a rung costs its epochs beyond the last rung's) and the recorded seconds of those
 * epochs; and the value the trial had reached, judged on the epochs trained so far.
 */
@Internal
public record StudyTrace(Objective objective, List<Step> steps) {
  public StudyTrace {
    steps = List.copyOf(steps);
  }

  /** One trial trained in one stage, with the totals spent once it ended. */
  public record Step(
      String trialId, int epochs, long trials, long modelEpochs, double seconds, double value) {}

  public static StudyTrace of(ScheduleWalk.Walked walked, Objective objective) {
    Objectives judge = Objectives.of(objective);
    Set<String> started = new HashSet<>();
    List<Step> steps = new ArrayList<>();
    long modelEpochs = 0;
    double seconds = 0;
    for (ScheduleWalk.Stage stage : walked.stages()) {
      int from = stage.rung().fromEpochs();
      for (TrialResult r : stage.results()) {
        started.add(r.trial().id());
        int reached = Math.min(r.epochs(), stage.rung().epochs());
        modelEpochs += Math.max(0, reached - from);
        for (EpochRecord e : r.history().subList(Math.min(from, reached), reached)) {
          seconds += Double.isFinite(e.seconds()) ? e.seconds() : 0;
        }
        TrialResult judged = judge.evaluate(r);
        double value = judged.succeeded() ? judged.objectiveValue() : Double.NaN;
        steps.add(new Step(r.trial().id(), reached, started.size(), modelEpochs, seconds, value));
      }
    }
    return new StudyTrace(objective, steps);
  }

  /** The first step whose trial reached the target; empty when none did. */
  public Optional<Step> firstReaching(Target target) {
    return steps.stream().filter(s -> target.reached(s.value())).findFirst();
  }

  /**
   * The best value among the steps that ended within {@code budget} model-epochs (0: no limit); NaN
   * when none did.
   */
  public double bestWithin(long budget) {
    double best = Double.NaN;
    for (Step s : steps) {
      if (budget > 0 && s.modelEpochs() > budget) {
        break;
      }
      if (!Double.isNaN(s.value())
          && (Double.isNaN(best) || (objective.maximize() ? s.value() > best : s.value() < best))) {
        best = s.value();
      }
    }
    return best;
  }

  /** What the whole study spent: its last step's totals (zeros when it trained nothing). */
  public Step total() {
    return steps.isEmpty() ? new Step("", 0, 0, 0, 0, Double.NaN) : steps.get(steps.size() - 1);
  }
}
