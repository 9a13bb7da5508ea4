package dev.tunebeam.transforms.search.tpe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The hypervolume a set of points dominates up to a reference point, every coordinate minimised:
 * the measure of the region no worse than some point and better than the reference. Computed by
 * slicing along the last objective (HSO): exact, exponential in the objectives, fine for the few
 * dozen points and handful of objectives a TPE split sees.
 */
final class Hypervolume {
  private Hypervolume() {}

  static double of(List<double[]> points, double[] reference) {
    List<double[]> inside = new ArrayList<>();
    for (double[] p : points) {
      boolean below = true;
      for (int d = 0; d < reference.length; d++) {
        below &= p[d] < reference[d];
      }
      if (below) {
        inside.add(p);
      }
    }
    return slice(inside, reference, reference.length);
  }

  private static double slice(List<double[]> points, double[] reference, int dims) {
    if (points.isEmpty()) {
      return 0;
    }
    int last = dims - 1;
    if (dims == 1) {
      return reference[0] - points.stream().mapToDouble(p -> p[0]).min().orElseThrow();
    }
    List<double[]> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparingDouble(p -> p[last]));
    double volume = 0;
    for (int i = 0; i < sorted.size(); i++) {
      double upper = i + 1 < sorted.size() ? sorted.get(i + 1)[last] : reference[last];
      double depth = upper - sorted.get(i)[last];
      if (depth > 0) {
        List<double[]> below = new ArrayList<>();
        for (double[] p : sorted.subList(0, i + 1)) {
          below.add(Arrays.copyOf(p, last));
        }
        volume += depth * slice(below, reference, last);
      }
    }
    return volume;
  }
}
