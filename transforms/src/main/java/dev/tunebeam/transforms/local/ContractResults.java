package dev.tunebeam.transforms.local;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.trainer.report.StepMetrics;
import dev.tunebeam.trainer.report.WorkerOutcome;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import java.util.List;
import java.util.Map;

/**
 * The one place where what a contract trainer reported (per step, a map of metric tags, as the
 * hypertune file holds it) becomes a {@link TrialResult}: a step is an epoch. Whether it reported
 * the objective's metric is the objective's to judge ({@code Objective.evaluate}), as for every
 * trainer.
 */
final class ContractResults {
  private ContractResults() {}

  static TrialResult toResult(
      Trial trial, WorkerOutcome outcome, String device, double wallSeconds, String location) {
    if (!outcome.ok()) {
      return TrialResult.failed(
          trial, GroupTrainer.BACKEND, outcome.error(), wallSeconds, location);
    }
    List<EpochRecord> history = outcome.metrics().stream().map(ContractResults::epoch).toList();
    return TrialResult.of(
        trial,
        GroupTrainer.BACKEND,
        TrialStatus.SUCCEEDED,
        history,
        device,
        wallSeconds,
        wallSeconds,
        location);
  }

  static EpochRecord epoch(StepMetrics s) {
    return EpochRecord.of((int) Math.min(Integer.MAX_VALUE, s.step()), Double.NaN, s.metrics());
  }

  /**
   * The study's planned work for a contract trial: its {@code num_epochs} when it has one, else one
   * step.
   */
  static int plannedSteps(Trial trial) {
    Map<String, String> p = trial.parameters();
    try {
      return Math.max(1, (int) Double.parseDouble(p.getOrDefault("num_epochs", "1")));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
