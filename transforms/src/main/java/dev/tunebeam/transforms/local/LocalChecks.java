package dev.tunebeam.transforms.local;

import dev.tunebeam.trainer.train.MemberRun;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is decided about a local trial before it runs: the built-in trainer's refusal becomes a
 * FAILED result, a finished earlier run is reused (unless resume is off), the rest run.
 */
final class LocalChecks {
  // Logs under TrainLocally, the name users know and configure.
  private static final Logger LOG = LoggerFactory.getLogger(TrainLocally.class);

  private LocalChecks() {}

  static Optional<TrialResult> settle(Trial trial, LocalSettings settings) {
    String dir = TrialArtifacts.trialDirectory(settings.outputDirectory(), trial.id());
    if (!settings.program().isBuiltIn()) {
      return settings.resume() ? ProgramResume.earlier(trial, settings) : Optional.empty();
    }
    MemberRun member;
    try {
      member = LocalTrial.member(trial, settings);
    } catch (IllegalArgumentException e) {
      LOG.warn("trial {} ({}) refused: {}", trial.id(), trial.describe(), e.getMessage());
      return Optional.of(TrialResult.failed(trial, LocalExecutor.BACKEND, e.getMessage(), 0, dir));
    }
    if (settings.resume()) {
      ReusableResult.Verdict earlier = ReusableResult.check(trial, member.config(), dir);
      if (earlier.reuse().isPresent()) {
        LOG.info("trial {} already finished in {}; not training it again", trial.id(), dir);
        return Optional.of(
            TrialResult.succeeded(trial, LocalExecutor.BACKEND, earlier.reuse().get(), dir));
      }
      earlier
          .retrainBecause()
          .ifPresent(
              why ->
                  LOG.warn(
                      "trial {}: the earlier result in {} is not reused ({}); training it again",
                      trial.id(),
                      dir,
                      why));
    }
    return Optional.empty();
  }
}
