package dev.tunebeam.trainer.report;

import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One epoch of one trial as every part of tunebeam sees it: the trainer reports it, metrics.json
 * stores it, the leaderboard ranks by it. A trainer may report any metric tags; the built-in one
 * reports the seven below: accuracies and losses, and what the model cost (its training seconds so
 * far, its parameter count) so that accuracy can be weighed against cost. {@code seconds} is the
 * epoch's wall time (of the whole fused group when models trained together); {@code trainSeconds}
 * the part spent training, NaN when unknown.
 */
public record EpochRecord(
    int epoch, double seconds, double trainSeconds, SortedMap<String, Double> metrics)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String TRAIN_LOSS = "train_loss";
  public static final String TRAIN_ACCURACY = "train_accuracy";
  public static final String VAL_LOSS = "val_loss";
  public static final String VAL_ACCURACY = "val_accuracy";
  public static final String TEST_ACCURACY = "test_accuracy";

  /**
   * Seconds this model spent training (not evaluating) up to and including the epoch; a fused
   * group's training time is shared evenly among its models.
   */
  public static final String TRAIN_SECONDS = "train_seconds";

  /** The model's trainable parameter count. */
  public static final String PARAM_COUNT = "param_count";

  /** The built-in trainer's tags in the order it prints them. */
  public static final List<String> BUILT_IN_TAGS =
      List.of(
          TRAIN_LOSS,
          TRAIN_ACCURACY,
          VAL_LOSS,
          VAL_ACCURACY,
          TEST_ACCURACY,
          TRAIN_SECONDS,
          PARAM_COUNT);

  public EpochRecord {
    metrics =
        Collections.unmodifiableSortedMap(new TreeMap<>(metrics == null ? Map.of() : metrics));
  }

  public static EpochRecord of(int epoch, double seconds, Map<String, Double> metrics) {
    return new EpochRecord(epoch, seconds, Double.NaN, new TreeMap<>(metrics));
  }

  /** The metric's value at this epoch; NaN when the trainer did not report it. */
  public double metric(String tag) {
    Double v = metrics.get(tag);
    return v == null ? Double.NaN : v;
  }

  public boolean has(String tag) {
    return metrics.containsKey(tag);
  }
}
