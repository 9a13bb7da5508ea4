package dev.tunebeam.transforms.local;

import dev.tunebeam.trainer.report.MetricsReport;
import dev.tunebeam.trainer.report.ModelFile;
import dev.tunebeam.trainer.train.TrainingConfig;
import dev.tunebeam.transforms.study.Trial;
import java.io.IOException;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;

/**
 * Decides whether a trial's earlier result may stand in for training it: its metrics.json reads,
 * names this trial, records this trial's configuration, holds every epoch, and its model file is
 * there. Anything less (a stub, another trial's file copied in, a deleted model) is retrained; the
 * reason is the one warning the caller logs. All of what "complete" means lives here, so a change
 * to the metrics record is a change to this class only.
 */
final class ReusableResult {
  /** The earlier result, or why it cannot be used; both empty when there is none. */
  record Verdict(Optional<MetricsReport> reuse, Optional<String> retrainBecause) {
    static Verdict none() {
      return new Verdict(Optional.empty(), Optional.empty());
    }

    static Verdict retrain(String why) {
      return new Verdict(Optional.empty(), Optional.of(why));
    }
  }

  private ReusableResult() {}

  static Verdict check(Trial trial, TrainingConfig expected, String dir) {
    Optional<MetricsReport> earlier;
    try {
      earlier = TrialArtifacts.readMetrics(dir);
    } catch (IOException | IllegalArgumentException e) {
      return Verdict.retrain("its metrics.json cannot be read (" + e.getMessage() + ")");
    }
    if (earlier.isEmpty()) {
      return Verdict.none();
    }
    if (isEarlierRung(expected, earlier.get())) {
      // A schedule's next rung: the trial goes on from its checkpoint, nothing is wrong with the
      // file.
      return Verdict.none();
    }
    Optional<String> problem = problem(trial, expected, earlier.get());
    if (problem.isEmpty()) {
      problem = modelMissing(dir);
    }
    return problem.map(Verdict::retrain).orElseGet(() -> new Verdict(earlier, Optional.empty()));
  }

  static Optional<String> problem(Trial trial, TrainingConfig expected, MetricsReport m) {
    if (m.trialId() == null || !m.trialId().equals(trial.id())) {
      return Optional.of(
          "its metrics.json belongs to trial " + m.trialId() + ", not " + trial.id());
    }
    MetricsReport.Config c = m.config();
    if (c == null) {
      return Optional.of("its metrics.json records no configuration");
    }
    boolean same =
        expected.activation().flagValue().equals(c.activation())
            && expected.optimizer().flagValue().equals(c.optimizer())
            && Math.abs(expected.learningRate() - c.learningRate())
                <= 1e-6 * Math.max(1e-12, Math.abs(expected.learningRate()))
            && expected.batchSize() == c.batchSize()
            // A later rung of a schedule may have trained this point further than asked; its first
            // epochs stand.
            && expected.epochs() <= c.numEpochs()
            && expected.pooling().flagValue().equals(c.pooling())
            && expected.seed() == c.seed()
            // metrics.json records the images actually used; a limit of 0 means "all", whatever
            // that came to.
            && (expected.trainSamples() == 0 || expected.trainSamples() == c.trainSamples())
            && expected.validationSamples() == c.validationSamples()
            && (expected.testSamples() == 0 || expected.testSamples() == c.testSamples());
    if (!same) {
      return Optional.of("its metrics.json records another configuration (" + c + ")");
    }
    int epochs = m.history() == null ? 0 : m.history().size();
    if (epochs != c.numEpochs() || m.history().stream().anyMatch(e -> e == null)) {
      return Optional.of("its metrics.json holds " + epochs + " of " + c.numEpochs() + " epochs");
    }
    return Optional.empty();
  }

  /**
   * A complete result of this trial trained to fewer epochs than asked: an earlier rung of its
   * schedule.
   */
  private static boolean isEarlierRung(TrainingConfig expected, MetricsReport m) {
    MetricsReport.Config c = m.config();
    return c != null
        && c.numEpochs() < expected.epochs()
        && m.history() != null
        && m.history().size() == c.numEpochs();
  }

  private static Optional<String> modelMissing(String dir) {
    try {
      FileSystems.matchSingleFileSpec(TrialArtifacts.join(dir, ModelFile.FILE_NAME));
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of("its " + ModelFile.FILE_NAME + " is missing");
    }
  }
}
