package dev.tunebeam.transforms.exec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * When a queue's lanes will be done: each lane first finishes the work left in its current group at
 * its own measured pace, then the queued groups go, longest first, to whichever lane is free first,
 * as the lanes will pull them. A lane with no pace yet is assumed to go at the mean of the others;
 * with no pace anywhere there is no estimate. One slow lane thus shows in the ETA instead of being
 * averaged away.
 */
final class LaneEta {
  private LaneEta() {}

  /**
   * @param left work left in each lane's current group (0 for an idle lane)
   * @param pace each lane's measured work per second (NaN or 0: not measured yet)
   * @param queued the work of each group still queued
   */
  static OptionalDouble seconds(double[] left, double[] pace, List<Double> queued) {
    double sum = 0;
    int known = 0;
    for (double p : pace) {
      if (p > 0 && Double.isFinite(p)) {
        sum += p;
        known++;
      }
    }
    if (known == 0) {
      return OptionalDouble.empty();
    }
    double mean = sum / known;
    double[] speed = new double[pace.length];
    double[] free = new double[pace.length];
    for (int i = 0; i < pace.length; i++) {
      speed[i] = pace[i] > 0 && Double.isFinite(pace[i]) ? pace[i] : mean;
      free[i] = Math.max(0, left[i]) / speed[i];
    }
    List<Double> longestFirst = new ArrayList<>(queued);
    longestFirst.sort(Comparator.reverseOrder());
    for (double w : longestFirst) {
      int first = 0;
      for (int i = 1; i < free.length; i++) {
        if (free[i] < free[first]) {
          first = i;
        }
      }
      free[first] += w / speed[first];
    }
    double end = 0;
    for (double f : free) {
      end = Math.max(end, f);
    }
    return OptionalDouble.of(end);
  }
}
