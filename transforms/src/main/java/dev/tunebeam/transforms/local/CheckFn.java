package dev.tunebeam.transforms.local;

import dev.tunebeam.trainer.train.MemberRun;
import dev.tunebeam.transforms.results.TrialResult;
import dev.tunebeam.transforms.space.Trial;
import java.util.Optional;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Refused trials become FAILED results; already finished ones are reused; the rest go on. */
final class CheckFn extends DoFn<Trial, Trial> {
  // Logs under TrainLocally, the name users know and configure.
  private static final Logger LOG = LoggerFactory.getLogger(TrainLocally.class);
  private final LocalSettings settings;
  private final TupleTag<Trial> toTrain;
  private final TupleTag<TrialResult> settled;
  private final Counter failed = Metrics.counter(TrainLocally.class, "trials_failed");
  private final Counter resumed = Metrics.counter(TrainLocally.class, "trials_resumed");

  CheckFn(LocalSettings settings, TupleTag<Trial> toTrain, TupleTag<TrialResult> settled) {
    this.settings = settings;
    this.toTrain = toTrain;
    this.settled = settled;
  }

  @ProcessElement
  public void process(@Element Trial trial, MultiOutputReceiver out) {
    String dir = TrialArtifacts.trialDirectory(settings.outputDirectory(), trial.id());
    if (!settings.program().isBuiltIn()) {
      Optional<TrialResult> earlier =
          settings.resume() ? ProgramResume.earlier(trial, settings) : Optional.empty();
      earlier.ifPresent(r -> resumed.inc());
      earlier.ifPresentOrElse(out.get(settled)::output, () -> out.get(toTrain).output(trial));
      return;
    }
    MemberRun member;
    try {
      member = LocalTrial.member(trial, settings);
    } catch (IllegalArgumentException e) {
      failed.inc();
      settings.run().failureBudget().recordFailure();
      LOG.warn("trial {} ({}) refused: {}", trial.id(), trial.describe(), e.getMessage());
      out.get(settled)
          .output(TrialResult.failed(trial, GroupTrainer.BACKEND, e.getMessage(), 0, dir));
      return;
    }
    if (settings.resume()) {
      ReusableResult.Verdict earlier = ReusableResult.check(trial, member.config(), dir);
      if (earlier.reuse().isPresent()) {
        resumed.inc();
        LOG.info("trial {} already finished in {}; not training it again", trial.id(), dir);
        out.get(settled)
            .output(TrialResult.succeeded(trial, GroupTrainer.BACKEND, earlier.reuse().get(), dir));
        return;
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
    out.get(toTrain).output(trial);
  }
}
