package dev.tunebeam.transforms.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.annotations.Internal;

/**
 * NSGA-II's two measures of points in objective space, every coordinate to be minimised (negate a
 * maximised one first): the non-dominated front each point is on (1 for the points nothing
 * dominates, 2 for those only front 1 dominates, ...) and its crowding distance within its front
 * (infinite at a front's ends, else the sum over objectives of the normalised gap between its two
 * neighbours). Deb et al.'s fast non-dominated sort, quadratic in the points: studies have hundreds
 * of trials, not millions.
 */
@Internal
public final class ParetoFronts {
  private ParetoFronts() {}

  /** Whether {@code a} is no worse than {@code b} in every coordinate and better in one. */
  public static boolean dominates(double[] a, double[] b) {
    boolean better = false;
    for (int i = 0; i < a.length; i++) {
      if (a[i] > b[i]) {
        return false;
      }
      if (a[i] < b[i]) {
        better = true;
      }
    }
    return better;
  }

  /** Each point's front, from 1; equal points share a front. */
  public static int[] fronts(List<double[]> points) {
    int n = points.size();
    int[] front = new int[n];
    int[] dominatedBy = new int[n];
    List<List<Integer>> dominates = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      dominates.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (dominates(points.get(i), points.get(j))) {
          dominates.get(i).add(j);
        } else if (dominates(points.get(j), points.get(i))) {
          dominatedBy[i]++;
        }
      }
      if (dominatedBy[i] == 0) {
        front[i] = 1;
        current.add(i);
      }
    }
    for (int f = 1; !current.isEmpty(); f++) {
      List<Integer> next = new ArrayList<>();
      for (int i : current) {
        for (int j : dominates.get(i)) {
          if (--dominatedBy[j] == 0) {
            front[j] = f + 1;
            next.add(j);
          }
        }
      }
      current = next;
    }
    return front;
  }

  /** Each point's crowding distance among the points of its own front ({@code fronts}). */
  public static double[] crowding(List<double[]> points, int[] fronts) {
    int n = points.size();
    double[] distance = new double[n];
    int maxFront = Arrays.stream(fronts).max().orElse(0);
    for (int f = 1; f <= maxFront; f++) {
      List<Integer> members = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (fronts[i] == f) {
          members.add(i);
        }
      }
      if (members.isEmpty()) {
        continue;
      }
      int dims = points.get(members.get(0)).length;
      for (int m = 0; m < dims; m++) {
        int dim = m;
        members.sort(Comparator.comparingDouble(i -> points.get(i)[dim]));
        double lo = points.get(members.get(0))[dim];
        double hi = points.get(members.get(members.size() - 1))[dim];
        distance[members.get(0)] = Double.POSITIVE_INFINITY;
        distance[members.get(members.size() - 1)] = Double.POSITIVE_INFINITY;
        if (hi == lo) {
          continue;
        }
        for (int k = 1; k < members.size() - 1; k++) {
          distance[members.get(k)] +=
              (points.get(members.get(k + 1))[dim] - points.get(members.get(k - 1))[dim])
                  / (hi - lo);
        }
      }
    }
    return distance;
  }
}
