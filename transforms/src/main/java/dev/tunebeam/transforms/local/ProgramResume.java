package dev.tunebeam.transforms.local;

import dev.tunebeam.trainer.report.WorkerOutcome;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Resume for contract trials: a finished outcome is reused; the rest run one process each. */
final class ProgramResume {
  private static final Logger LOG = LoggerFactory.getLogger(TrainLocally.class);

  /** The parameter a schedule's rungs raise for the same trial; {@link #reached} judges it. */
  private static final String EPOCHS = "num_epochs";

  private ProgramResume() {}

  /**
   * The earlier run's result when its outcome.json names this trial (id and parameters) and says it
   * succeeded; otherwise the trial runs again (another trial's file copied in, with one warning).
   */
  static Optional<TrialResult> earlier(Trial trial, LocalSettings settings) {
    String dir = TrialArtifacts.trialDirectory(settings.outputDirectory(), trial.id());
    try {
      Optional<WorkerOutcome> outcome = ProgramArtifacts.readOutcome(dir);
      Optional<String> notOwn =
          outcome.flatMap(o -> o.notTheResultOf(trial.id(), trial.parameters(), Set.of(EPOCHS)));
      if (notOwn.isPresent()) {
        LOG.warn(
            "trial {}: the earlier result in {} is not reused ({}); training it again",
            trial.id(),
            dir,
            notOwn.get());
        return Optional.empty();
      }
      if (outcome.isPresent() && outcome.get().ok() && !outcome.get().metrics().isEmpty()) {
        TrialResult r =
            ContractResults.toResult(trial, outcome.get(), settings.device().flagValue(), 0, dir);
        if (reached(r, trial)) {
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
   * A schedule's next rung reuses the trial's folder: an outcome whose last step is below
   * num_epochs is an earlier rung's.
   */
  private static boolean reached(TrialResult r, Trial trial) {
    String epochs = trial.get("num_epochs");
    return epochs == null
        || r.history().isEmpty()
        || r.history().get(r.history().size() - 1).epoch() >= Double.parseDouble(epochs);
  }
}
