package dev.tunebeam.transforms.local;

import dev.tunebeam.trainer.report.StepMetrics;
import dev.tunebeam.trainer.report.WorkerOutcome;
import dev.tunebeam.transforms.results.EpochResult;
import dev.tunebeam.transforms.results.TrialResult;
import dev.tunebeam.transforms.results.TrialStatus;
import dev.tunebeam.transforms.space.Trial;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The one place where what a contract trainer reported (per step, a map of metric tags) becomes
 * a {@link TrialResult}. Today's results hold the built-in trainer's metrics, so the tags {@code
 * train_loss}, {@code train_accuracy} and {@code test_accuracy} fill an epoch's record, and a
 * trainer that never reports {@code test_accuracy}, which the leaderboard ranks by, fails with the
 * tags it did report.
 */
final class ContractResults {
  static final String RANKED_TAG = "test_accuracy";

  private ContractResults() {}

  static TrialResult toResult(Trial trial, WorkerOutcome outcome, String device, double wallSeconds, String location) {
    if (!outcome.ok()) {
      return TrialResult.failed(trial, GroupTrainer.BACKEND, outcome.error(), wallSeconds, location);
    }
    List<StepMetrics> steps = outcome.metrics();
    if (steps.stream().noneMatch(s -> s.metrics().containsKey(RANKED_TAG))) {
      TreeSet<String> tags = new TreeSet<>();
      steps.forEach(s -> tags.addAll(s.metrics().keySet()));
      return TrialResult.failed(trial, GroupTrainer.BACKEND, "the trainer reported " + (tags.isEmpty() ? "no metric" : "only " + String.join(", ", tags))
          + " but never " + RANKED_TAG + ", which the leaderboard ranks by", wallSeconds, location);
    }
    List<EpochResult> history = steps.stream()
        .map(s -> new EpochResult((int) s.step(), tag(s, "train_loss"), tag(s, "train_accuracy"), tag(s, RANKED_TAG), Double.NaN))
        .toList();
    double best = history.stream().mapToDouble(EpochResult::testAccuracy).filter(Double::isFinite).max().orElse(Double.NaN);
    EpochResult last = history.get(history.size() - 1);
    return new TrialResult(trial, GroupTrainer.BACKEND, TrialStatus.SUCCEEDED, history, best, last.testAccuracy(), last.trainLoss(),
        device, wallSeconds, null, location);
  }

  private static double tag(StepMetrics s, String tag) {
    Double v = s.metrics().get(tag);
    return v == null ? Double.NaN : v;
  }

  /** The study's planned work for a contract trial: its {@code num_epochs} when it has one, else one step. */
  static int plannedSteps(Trial trial) {
    Map<String, String> p = trial.parameters();
    try {
      return Math.max(1, (int) Double.parseDouble(p.getOrDefault("num_epochs", "1")));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
