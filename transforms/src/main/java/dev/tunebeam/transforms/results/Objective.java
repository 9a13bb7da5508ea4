package dev.tunebeam.transforms.results;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** What a leaderboard ranks by; all are maximised except the loss. */
public enum Objective {
  BEST_TEST_ACCURACY(TrialResult::bestTestAccuracy, true),
  FINAL_TEST_ACCURACY(TrialResult::finalTestAccuracy, true),
  FINAL_TRAIN_LOSS(TrialResult::finalTrainLoss, false);

  private final ToDoubleFunction<TrialResult> metric;
  private final boolean maximize;

  Objective(ToDoubleFunction<TrialResult> metric, boolean maximize) {
    this.metric = metric;
    this.maximize = maximize;
  }

  public double of(TrialResult r) {
    return metric.applyAsDouble(r);
  }

  public boolean maximize() {
    return maximize;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Objective parse(String value) {
    for (Objective o : values()) {
      if (o.key().equals(value == null ? null : value.trim().toLowerCase(Locale.ROOT))) {
        return o;
      }
    }
    throw new IllegalArgumentException("--objective " + value + " is not supported; allowed: best_test_accuracy, final_test_accuracy, final_train_loss");
  }
}
