package dev.tunebeam.trainer.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tunebeam.trainer.train.EpochMetrics;
import dev.tunebeam.trainer.train.TrainingConfig;
import dev.tunebeam.trainer.train.TrainingOutcome;
import java.util.List;
import java.util.Map;

/**
 * The content of a trial's {@code metrics.json}: the contract between the trainer (local worker
 * or Vertex container) and whoever collects results. Keys are snake_case on disk.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricsReport(
    String trialId,
    Config config,
    List<Epoch> history,
    double bestTestAccuracy,
    double finalTestAccuracy,
    double finalTrainLoss,
    double wallSeconds,
    String device,
    int fusedWith,
    Map<String, String> versions,
    Dataset dataset) {

  public record Config(
      String activation,
      String optimizer,
      double learningRate,
      int batchSize,
      int numEpochs,
      String pooling,
      long seed,
      int trainSamples,
      int testSamples) {}

  public record Epoch(int epoch, double trainLoss, double trainAccuracy, double testAccuracy, double seconds, double trainSeconds) {}

  public record Dataset(String location, int trainSamples, int testSamples, Map<String, String> sha256) {}

  public static MetricsReport of(String trialId, TrainingOutcome outcome, Dataset dataset, Map<String, String> versions) {
    TrainingConfig c = outcome.config();
    Config config = new Config(
        c.activation().flagValue(), c.optimizer().flagValue(), c.learningRate(), c.batchSize(), c.epochs(),
        c.pooling().flagValue(), c.seed(), c.trainSamples(), c.testSamples());
    List<Epoch> history = outcome.history().stream().map(MetricsReport::epoch).toList();
    return new MetricsReport(trialId, config, history, outcome.bestTestAccuracy(), outcome.finalTestAccuracy(),
        outcome.finalTrainLoss(), outcome.wallSeconds(), outcome.device(), outcome.fusedWith(), versions, dataset);
  }

  private static Epoch epoch(EpochMetrics m) {
    return new Epoch(m.epoch(), m.trainLoss(), m.trainAccuracy(), m.testAccuracy(), m.seconds(), m.trainSeconds());
  }
}
