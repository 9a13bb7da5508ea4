package dev.tunebeam.transforms.local;

import dev.tunebeam.trainer.report.WorkerOutcome;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resume for contract trials: a finished outcome is reused; the rest run one process each.
 *
 * <p>A trainer that exited 0 finished the epochs it was asked for, whatever step numbers its
 * reports carried: its last report counts as its final epoch. cloudml-hypertune reports {@code
 * global_step} 0 unless told otherwise, a trainer may number its reports 3, 1, 2, and a Java
 * trainable's {@code TrialOutcome.of(...)} is reported at step 1. So whether an outcome stands for
 * a trial is read from what its run was asked for (recorded in outcome.json), not from its steps:
 * at least the trial's {@code num_epochs} reuses it, fewer is an earlier rung of a schedule, which
 * the trial continues from its checkpoint. An outcome.json written before the run was recorded
 * falls back to its last step.
 */
final class ProgramResume {
  private static final Logger LOG = LoggerFactory.getLogger(TrainLocally.class);

  private ProgramResume() {}

  /**
   * The earlier run's result (with its recorded seconds) when its outcome.json says it succeeded
   * with at least the epochs asked for; otherwise the trial runs again.
   */
  static Optional<TrialResult> earlier(Trial trial, LocalSettings settings) {
    String dir = TrialArtifacts.trialDirectory(settings.outputDirectory(), trial.id());
    try {
      Optional<ProgramArtifacts.Saved> saved = ProgramArtifacts.readOutcome(dir);
      if (saved.isEmpty()) {
        return Optional.empty();
      }
      WorkerOutcome outcome = saved.get().outcome();
      ProgramArtifacts.Run run = saved.get().run();
      if (outcome.ok() && !outcome.metrics().isEmpty()) {
        double seconds = Double.isFinite(run.wallSeconds()) ? run.wallSeconds() : 0;
        TrialResult r =
            ContractResults.toResult(trial, outcome, settings.device().flagValue(), seconds, dir);
        if (reached(r, run, trial)) {
          LOG.info("trial {} already finished in {}; not training it again", trial.id(), dir);
          return Optional.of(r);
        }
      }
    } catch (IOException e) {
      LOG.warn(
          "trial {}: the earlier outcome in {} cannot be read ({}); training it again",
          trial.id(),
          dir,
          e.getMessage());
    }
    return Optional.empty();
  }

  /**
   * Whether the earlier run went as far as the trial asks; a schedule's next rung reuses the
   * trial's folder, and an outcome run for fewer epochs is an earlier rung's.
   */
  private static boolean reached(TrialResult r, ProgramArtifacts.Run run, Trial trial) {
    if (run.plannedEpochs() > 0) {
      return run.plannedEpochs() >= ContractResults.plannedSteps(trial);
    }
    String epochs = trial.get("num_epochs");
    return epochs == null
        || r.history().isEmpty()
        || r.history().get(r.history().size() - 1).epoch() >= Double.parseDouble(epochs);
  }
}
