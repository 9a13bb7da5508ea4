package dev.tunebeam.transforms.results;

import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.TrialResult;

/**
 * Whether a trial learned nothing: an accuracy objective that never rose clearly above guessing
 * among the built-in data's 10 classes (0.10), as softmax activations with plain SGD do. Such a
 * trial still SUCCEEDED (it ran), but the table says {@code at chance}. Only accuracy metrics have
 * a chance level; others are never flagged.
 */
final class ChanceLevel {
  public static final String NOTE = "at chance";
  static final int CLASSES = 10;

  /**
   * Two points above 1/10: 200 of 10,000 test images, far outside the noise of a guessing model.
   */
  static final double MARGIN = 0.02;

  private ChanceLevel() {}

  public static boolean atChance(Objective objective, TrialResult r) {
    if (!objective.metric().endsWith("accuracy") || r.history().isEmpty()) {
      return false;
    }
    double chance = 1.0 / CLASSES;
    return r.history().stream()
        .filter(e -> e.has(objective.metric()))
        .allMatch(e -> !(e.metric(objective.metric()) > chance + MARGIN));
  }
}
