package dev.tunebeam.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/**
 * A leaderboard's fronts checked by brute force, straight from the definition: a trial's front is
 * one more than the deepest front among the trials at least as accurate and as fast, and better in
 * one of the two; rows are in rank order, so the fronts never go down.
 */
public final class ParetoCheck {
  private ParetoCheck() {}

  /**
   * {@code rows}: each trial's accuracy (maximised) and seconds (minimised), in rank order; {@code
   * fronts}: the leaderboard's. Returns the deepest front.
   */
  public static int assertFronts(List<double[]> rows, List<Integer> fronts) {
    int deepest = 0;
    for (int i = 0; i < rows.size(); i++) {
      double[] a = rows.get(i);
      int expected = 1;
      for (int j = 0; j < rows.size(); j++) {
        double[] b = rows.get(j);
        if (b[0] >= a[0] && b[1] <= a[1] && (b[0] > a[0] || b[1] < a[1])) {
          expected = Math.max(expected, fronts.get(j) + 1);
        }
      }
      assertEquals(expected, fronts.get(i), "front at rank " + (i + 1));
      assertTrue(i == 0 || fronts.get(i - 1) <= fronts.get(i), "ranked by front");
      deepest = Math.max(deepest, expected);
    }
    return deepest;
  }
}
