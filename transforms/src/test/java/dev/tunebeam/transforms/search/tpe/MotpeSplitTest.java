package dev.tunebeam.transforms.search.tpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunebeam.transforms.search.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hypervolume against counting the unit cells a set of integer points dominates; the
 * multi-objective split takes whole fronts, then the front it cuts by hypervolume contribution.
 */
class MotpeSplitTest {
  @Test
  void hypervolumeMatchesCountingDominatedCells() {
    Random random = new Random(5);
    for (int dims = 1; dims <= 3; dims++) {
      for (int trial = 0; trial < 40; trial++) {
        List<double[]> points = new ArrayList<>();
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
          double[] p = new double[dims];
          for (int d = 0; d < dims; d++) {
            p[d] = random.nextInt(8);
          }
          points.add(p);
        }
        double[] reference = new double[dims];
        java.util.Arrays.fill(reference, 8);
        assertEquals(cells(points, dims), Hypervolume.of(points, reference), 1e-9, dims + "d");
      }
    }
  }

  /** Unit cells [c, c+1) of the 8^dims grid that some point is at or below in every coordinate. */
  private static int cells(List<double[]> points, int dims) {
    int count = 0;
    int total = (int) Math.pow(8, dims);
    for (int cell = 0; cell < total; cell++) {
      int[] c = new int[dims];
      for (int d = 0, rest = cell; d < dims; d++, rest /= 8) {
        c[d] = rest % 8;
      }
      boolean dominated = false;
      for (double[] p : points) {
        boolean all = true;
        for (int d = 0; d < dims; d++) {
          all &= p[d] <= c[d];
        }
        dominated |= all;
      }
      count += dominated ? 1 : 0;
    }
    return count;
  }

  private static Observation obs(double... larger) {
    List<Double> v = new ArrayList<>();
    for (double x : larger) {
      v.add(x);
    }
    return new Observation(Map.of("x", String.valueOf(larger[0])), v);
  }

  @Test
  void wholeFrontsFirstThenTheCutFrontByHypervolume() {
    List<Observation> o =
        List.of(
            obs(-1, -9), // front 1, an end
            obs(-6, -6), // front 2 (dominated by -2,-2)
            obs(-2, -2), // front 1, the knee: the most hypervolume alone
            obs(-9, -1), // front 1, the other end
            obs(-8, -8), // front 3
            obs(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY)); // pending
    assertArrayEquals(
        new boolean[] {false, false, true, false, false, false}, MotpeSplit.below(o, 1));
    // The knee, then the end added first of two that add equal volume.
    assertArrayEquals(
        new boolean[] {true, false, true, false, false, false}, MotpeSplit.below(o, 2));
    assertArrayEquals(
        new boolean[] {true, false, true, true, false, false}, MotpeSplit.below(o, 3));
    assertArrayEquals(new boolean[] {true, true, true, true, false, false}, MotpeSplit.below(o, 4));
    // Never the pending point, however many are asked for.
    assertArrayEquals(new boolean[] {true, true, true, true, true, false}, MotpeSplit.below(o, 6));
  }

  @Test
  void aCutFrontKeepsThePointsThatCoverItBest() {
    // Five points on one front; two of them: the greedy pair covers more than the two ends.
    List<Observation> o =
        List.of(obs(-1, -10), obs(-2, -5), obs(-3, -3), obs(-5, -2), obs(-10, -1));
    boolean[] two = MotpeSplit.below(o, 2);
    assertArrayEquals(new boolean[] {false, true, true, false, false}, two);
  }
}
