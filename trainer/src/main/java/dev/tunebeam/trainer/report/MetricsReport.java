package dev.tunebeam.trainer.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tunebeam.trainer.data.FashionMnistData;
import dev.tunebeam.trainer.data.ValidationSplit;
import dev.tunebeam.trainer.train.TrainingConfig;
import dev.tunebeam.trainer.train.TrainingOutcome;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The content of a trial's {@code metrics.json}: the contract between the trainer (local worker or
 * Vertex container) and whoever collects results. Keys are snake_case on disk; each epoch's metrics
 * are a map by tag. {@code wallSeconds} is this trial's share of its fused group's wall time,
 * {@code groupWallSeconds} the group's own.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricsReport(
    String trialId,
    Config config,
    List<EpochRecord> history,
    double wallSeconds,
    double groupWallSeconds,
    String device,
    int fusedWith,
    Map<String, String> versions,
    Dataset dataset,
    ComputeSettings compute) {

  public MetricsReport(
      String trialId,
      Config config,
      List<EpochRecord> history,
      double wallSeconds,
      double groupWallSeconds,
      String device,
      int fusedWith,
      Map<String, String> versions,
      Dataset dataset) {
    this(
        trialId,
        config,
        history,
        wallSeconds,
        groupWallSeconds,
        device,
        fusedWith,
        versions,
        dataset,
        null);
  }

  public MetricsReport {
    history = history == null ? List.of() : List.copyOf(history);
  }

  /** The hyperparameters as given; sample counts are those the training used. */
  public record Config(
      String activation,
      String optimizer,
      double learningRate,
      int batchSize,
      int numEpochs,
      String pooling,
      String init,
      String normalize,
      long seed,
      int trainSamples,
      int validationSamples,
      int testSamples) {}

  /**
   * What was read and how it was split; {@code validation} is null when no images were held out.
   */
  public record Dataset(
      String location,
      int trainSamples,
      int validationSamples,
      int testSamples,
      Map<String, String> sha256,
      ValidationSplit validation) {

    public static Dataset of(FashionMnistData data) {
      return new Dataset(
          data.location(),
          data.train().count(),
          data.validation() == null ? 0 : data.validation().count(),
          data.test().count(),
          data.sha256(),
          data.validationSplit());
    }
  }

  public static MetricsReport of(
      String trialId, TrainingOutcome outcome, Dataset dataset, Map<String, String> versions) {
    return of(trialId, outcome, dataset, versions, null);
  }

  public static MetricsReport of(
      String trialId,
      TrainingOutcome outcome,
      Dataset dataset,
      Map<String, String> versions,
      ComputeSettings compute) {
    TrainingConfig c = outcome.config();
    Config config =
        new Config(
            c.activation().flagValue(),
            c.optimizer().flagValue(),
            asGiven(c.learningRate()),
            c.batchSize(),
            c.epochs(),
            c.pooling().flagValue(),
            c.init().flagValue(),
            c.normalize().flagValue(),
            c.seed(),
            dataset == null ? c.trainSamples() : dataset.trainSamples(),
            dataset == null ? c.validationSamples() : dataset.validationSamples(),
            dataset == null ? c.testSamples() : dataset.testSamples());
    return new MetricsReport(
        trialId,
        config,
        outcome.history(),
        outcome.wallSeconds(),
        outcome.groupWallSeconds(),
        outcome.device(),
        outcome.fusedWith(),
        versions,
        dataset,
        compute);
  }

  /** A float flag value as the user typed it: 0.01f is written 0.01, not 0.009999999776482582. */
  public static double asGiven(float value) {
    return Double.parseDouble(Float.toString(value));
  }

  public double finalMetric(String tag) {
    return history.isEmpty() ? Double.NaN : history.get(history.size() - 1).metric(tag);
  }

  /** The largest value of the tag over all epochs; NaN when never reported. */
  public double bestMetric(String tag) {
    return history.stream()
        .mapToDouble(e -> e.metric(tag))
        .filter(v -> !Double.isNaN(v))
        .max()
        .orElse(Double.NaN);
  }

  /** Every metric tag any epoch reported, sorted. */
  public SortedSet<String> reportedTags() {
    SortedSet<String> tags = new TreeSet<>();
    history.forEach(e -> tags.addAll(e.metrics().keySet()));
    return tags;
  }
}
