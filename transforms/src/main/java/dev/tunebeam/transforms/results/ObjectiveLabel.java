package dev.tunebeam.transforms.results;

import dev.tunebeam.transforms.study.Objective;

/** The objective in words for axis titles: "best val_accuracy (maximize)". */
final class ObjectiveLabel {
  private ObjectiveLabel() {}

  static String of(Objective objective) {
    return objective.describe();
  }
}
