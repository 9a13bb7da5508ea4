package dev.tunebeam.transforms.search.tpe;

import dev.tunebeam.transforms.search.Observation;
import dev.tunebeam.transforms.study.ParetoFronts;
import java.util.ArrayList;
import java.util.List;

/**
 * Which observations are the good ones when there are several objectives, as Optuna's
 * multi-objective TPE splits them (MOTPE, {@code _split_complete_trials_multi_objective}): whole
 * non-dominated fronts, best first, while they fit; from the front that does not fit, the points
 * that add most hypervolume, chosen greedily one at a time (hypervolume subset selection) against a
 * reference just beyond that front's worst point. A point proposed but not trained (every value
 * {@code -infinity}) is never good.
 */
final class MotpeSplit {
  private MotpeSplit() {}

  /** Whether each observation is among the {@code n} good ones, in the observations' order. */
  static boolean[] below(List<Observation> observations, int n) {
    boolean[] good = new boolean[observations.size()];
    List<Integer> known = new ArrayList<>();
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < observations.size(); i++) {
      double[] p = minimised(observations.get(i));
      if (finite(p)) {
        known.add(i);
        points.add(p);
      }
    }
    int[] fronts = ParetoFronts.fronts(points);
    int left = Math.min(n, known.size());
    for (int f = 1; left > 0; f++) {
      List<Integer> front = new ArrayList<>();
      for (int k = 0; k < fronts.length; k++) {
        if (fronts[k] == f) {
          front.add(k);
        }
      }
      if (front.size() <= left) {
        front.forEach(k -> good[known.get(k)] = true);
        left -= front.size();
        continue;
      }
      for (int k : greedySubset(front, points, left)) {
        good[known.get(k)] = true;
      }
      left = 0;
    }
    return good;
  }

  /** {@code count} of {@code front}, each adding the most hypervolume to those chosen before. */
  private static List<Integer> greedySubset(List<Integer> front, List<double[]> points, int count) {
    int dims = points.get(front.get(0)).length;
    double[] reference = new double[dims];
    for (int d = 0; d < dims; d++) {
      double worst = Double.NEGATIVE_INFINITY;
      for (int k : front) {
        worst = Math.max(worst, points.get(k)[d]);
      }
      // Optuna's reference: 10% beyond the worst point (whichever side of zero it is on).
      reference[d] = Math.max(1.1 * worst, 0.9 * worst);
      if (reference[d] == 0) {
        reference[d] = 1e-12;
      }
    }
    List<Integer> chosen = new ArrayList<>();
    List<double[]> chosenPoints = new ArrayList<>();
    List<Integer> open = new ArrayList<>(front);
    while (chosen.size() < count) {
      int best = -1;
      double bestVolume = Double.NEGATIVE_INFINITY;
      for (int k : open) {
        List<double[]> with = new ArrayList<>(chosenPoints);
        with.add(points.get(k));
        double v = Hypervolume.of(with, reference);
        if (v > bestVolume) {
          bestVolume = v;
          best = k;
        }
      }
      chosen.add(best);
      chosenPoints.add(points.get(best));
      open.remove(Integer.valueOf(best));
    }
    return chosen;
  }

  private static double[] minimised(Observation o) {
    return o.values().stream().mapToDouble(v -> -v).toArray();
  }

  private static boolean finite(double[] p) {
    for (double v : p) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }
}
