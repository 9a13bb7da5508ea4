package dev.tunebeam.transforms.results;

/** The objective in words for axis titles: {@code best_test_accuracy} reads "best test accuracy". */
final class ObjectiveLabel {
  private ObjectiveLabel() {}

  static String of(Objective objective) {
    return objective.key().replace('_', ' ');
  }
}
