package dev.tunebeam.transforms.local;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Splits trials into fused training groups and sizes them so the local workers finish together.
 * Trials fuse only with trials of the same fusion key. For each width cap from 1 to {@code
 * maxFuse}, every key's trials are cut into equal chunks no wider than the cap, the chunks are
 * scheduled longest-first onto the workers, and the cap with the shortest estimated makespan wins
 * (ties: the wider cap). Then groups are halved one at a time while that shortens the makespan:
 * nine equal groups on two workers leave one worker idle for the last, and splitting one of them
 * fills that gap (13.2 to 12.4 estimated units for the reference study). The estimate only shapes
 * the groups: which worker trains which group is decided while the study runs, each free worker
 * taking the longest group left ({@code exec.RunQueue}).
 *
 * <p>A group costs a worker's start-up plus its members' work over the fused speed ({@link
 * FusionCosts}): with a measured start-up, short trials (one-epoch rungs of successive halving)
 * fuse because each worker saved is worth more than the slower fused steps, and long ones do not.
 *
 * <p>The default costs come from measurements on a 2-core CPU, two workers with one compute thread
 * each, batch 64, relu: seconds per model-epoch were 6.4 alone, 5.6 fused 3 wide, 5.0 fused 5 wide
 * (speed-ups 1.14 and 1.28). Callers key groups by activation too: a group that mixes activations
 * pays for cutting its rows apart and gluing them back, 6.1 s per model-epoch for relu+leakyrelu 6
 * wide and 6.6 s for three activations 5 wide, worse than alone.
 */
final class FusionPlanner {
  private FusionPlanner() {}

  /**
   * {@link #plan(List, Function, ToDoubleFunction, int, int, FusionCosts)} with the default costs.
   */
  public static <T> List<List<T>> plan(
      List<T> trials, Function<T, String> key, ToDoubleFunction<T> work, int maxFuse, int workers) {
    return plan(trials, key, work, maxFuse, workers, FusionCosts.DEFAULT);
  }

  /**
   * @param key fusion key of a trial
   * @param work relative work of one trial alone (for example epochs x training images)
   * @return the groups, longest first
   */
  public static <T> List<List<T>> plan(
      List<T> trials,
      Function<T, String> key,
      ToDoubleFunction<T> work,
      int maxFuse,
      int workers,
      FusionCosts costs) {
    Map<String, List<T>> byKey = new LinkedHashMap<>();
    for (T t : trials) {
      byKey.computeIfAbsent(key.apply(t), k -> new ArrayList<>()).add(t);
    }
    int lanes = Math.max(1, workers);
    Costing<T> costing = new Costing<>(work, costs);
    List<List<T>> best = null;
    double bestMakespan = Double.MAX_VALUE;
    for (int cap = 1; cap <= Math.max(1, maxFuse); cap++) {
      List<List<T>> chunks = new ArrayList<>();
      for (List<T> group : byKey.values()) {
        chunks.addAll(split(group, cap));
      }
      double makespan = makespan(chunks, costing, lanes);
      if (makespan <= bestMakespan * (1 + 1e-9)) {
        bestMakespan = makespan;
        best = chunks;
      }
    }
    best = refine(best, costing, lanes);
    best.sort(Comparator.comparingDouble(costing::cost).reversed());
    return best;
  }

  /**
   * What a group costs by these costs: a worker's start-up and its members' work at the fused
   * speed.
   */
  private record Costing<T>(ToDoubleFunction<T> work, FusionCosts costs) {
    double cost(List<T> chunk) {
      return costs.launchWork() + FusionPlanner.work(chunk, work) / costs.speed(chunk.size());
    }
  }

  /** Halves the group whose halving shortens the makespan most, while any does. */
  private static <T> List<List<T>> refine(List<List<T>> chunks, Costing<T> costing, int workers) {
    List<List<T>> current = new ArrayList<>(chunks);
    double makespan = makespan(current, costing, workers);
    while (true) {
      List<List<T>> bestSplit = null;
      double bestMakespan = makespan;
      for (int i = 0; i < current.size(); i++) {
        List<T> c = current.get(i);
        if (c.size() < 2) {
          continue;
        }
        List<List<T>> candidate = new ArrayList<>(current);
        candidate.remove(i);
        candidate.addAll(split(c, (c.size() + 1) / 2));
        double m = makespan(candidate, costing, workers);
        if (m < bestMakespan * (1 - 1e-9)) {
          bestMakespan = m;
          bestSplit = candidate;
        }
      }
      if (bestSplit == null) {
        return current;
      }
      current = bestSplit;
      makespan = bestMakespan;
    }
  }

  static <T> List<List<T>> split(List<T> group, int cap) {
    int chunks = (group.size() + cap - 1) / cap;
    List<List<T>> out = new ArrayList<>();
    int from = 0;
    for (int c = 0; c < chunks; c++) {
      int size = group.size() / chunks + (c < group.size() % chunks ? 1 : 0);
      out.add(new ArrayList<>(group.subList(from, from + size)));
      from += size;
    }
    return out;
  }

  private static <T> double work(List<T> chunk, ToDoubleFunction<T> work) {
    double sum = 0;
    for (T t : chunk) {
      sum += work.applyAsDouble(t);
    }
    return sum;
  }

  private static <T> double makespan(List<List<T>> chunks, Costing<T> costing, int workers) {
    List<Double> costs = new ArrayList<>();
    for (List<T> c : chunks) {
      costs.add(costing.cost(c));
    }
    costs.sort(Comparator.reverseOrder());
    double[] load = new double[workers];
    for (double c : costs) {
      int least = 0;
      for (int w = 1; w < workers; w++) {
        if (load[w] < load[least]) {
          least = w;
        }
      }
      load[least] += c;
    }
    double max = 0;
    for (double l : load) {
      max = Math.max(max, l);
    }
    return max;
  }
}
