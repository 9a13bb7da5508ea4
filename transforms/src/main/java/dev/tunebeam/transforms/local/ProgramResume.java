package dev.tunebeam.transforms.local;

import dev.tunebeam.trainer.report.WorkerOutcome;
import dev.tunebeam.transforms.results.TrialResult;
import dev.tunebeam.transforms.space.Trial;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.values.KV;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resume and planning for contract trials: a finished outcome is reused; the rest run one process
 * each, dealt onto lanes.
 */
final class ProgramResume {
  private static final Logger LOG = LoggerFactory.getLogger(TrainLocally.class);

  private ProgramResume() {}

  /**
   * The earlier run's result when its outcome.json says it succeeded; otherwise the trial runs
   * again.
   */
  static Optional<TrialResult> earlier(Trial trial, LocalSettings settings) {
    String dir = TrialArtifacts.trialDirectory(settings.outputDirectory(), trial.id());
    try {
      Optional<WorkerOutcome> outcome = ProgramArtifacts.readOutcome(dir);
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

  /** One trial per group; groups dealt onto lanes by their planned steps. */
  static List<KV<Integer, PlannedGroup>> plan(List<Trial> trials, LocalSettings settings) {
    List<List<Trial>> groups = trials.stream().map(List::of).toList();
    long steps = trials.stream().mapToLong(ContractResults::plannedSteps).sum();
    StudyProgress.of(settings.run()).planned(steps);
    LOG.info(
        "{} trials to run with {} on {} worker(s)",
        trials.size(),
        settings.program().describe(),
        WorkerSlots.resolveWorkers(settings));
    List<Integer> lanes =
        FusionPlanner.lanes(
            groups,
            t -> ContractResults.plannedSteps(t),
            settings.lanes() > 0 ? settings.lanes() : groups.size());
    List<KV<Integer, PlannedGroup>> out = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      out.add(KV.of(lanes.get(g), new PlannedGroup(groups.get(g), 1, g)));
    }
    return out;
  }
}
