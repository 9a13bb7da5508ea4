package dev.tunebeam.transforms.search.replay;

import dev.tunebeam.transforms.space.SearchSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.beam.sdk.annotations.Internal;

/**
 * Many replays of one recording: each algorithm run with seeds {@code seed, seed+1, ...} (the
 * space's seed first), each measured against one {@link Target}. Seeds are independent, so they run
 * in parallel; each replay is deterministic, so the figures are too.
 */
@Internal
public final class Simulation {
  private Simulation() {}

  /**
   * {@code variants}: the replay's space under each algorithm to compare (its own first); {@code
   * budget}: model-epochs for the best-within-budget figure, 0 for the whole study.
   */
  public static List<AlgorithmFigures> run(
      Replay replay, List<SearchSpace> variants, int seeds, Target target, long budget) {
    if (seeds < 1) {
      throw new IllegalArgumentException("seeds " + seeds + " is not allowed; use 1 or more");
    }
    if (budget < 0) {
      throw new IllegalArgumentException(
          "budget " + budget + " is not allowed; use model-epochs, or 0 for the whole study");
    }
    variants.forEach(replay::check);
    List<AlgorithmFigures> out = new ArrayList<>();
    for (SearchSpace variant : variants) {
      List<StudyTrace> traces =
          IntStream.range(0, seeds)
              .parallel()
              .mapToObj(i -> replay.trace(replay.walk(variant.withSeed(variant.seed() + i))))
              .toList();
      out.add(figures(variant, traces, target, budget));
    }
    return out;
  }

  static AlgorithmFigures figures(
      SearchSpace variant, List<StudyTrace> traces, Target target, long budget) {
    int n = traces.size();
    double[] trials = new double[n];
    double[] epochs = new double[n];
    double[] seconds = new double[n];
    double[] best = new double[n];
    double[] allTrials = new double[n];
    double[] allEpochs = new double[n];
    int found = 0;
    for (int i = 0; i < n; i++) {
      StudyTrace t = traces.get(i);
      var hit = t.firstReaching(target);
      found += hit.isPresent() ? 1 : 0;
      trials[i] = hit.map(s -> (double) s.trials()).orElse(Double.POSITIVE_INFINITY);
      epochs[i] = hit.map(s -> (double) s.modelEpochs()).orElse(Double.POSITIVE_INFINITY);
      seconds[i] = hit.map(StudyTrace.Step::seconds).orElse(Double.POSITIVE_INFINITY);
      double b = t.bestWithin(budget);
      // Nothing within the budget is worse than any value found.
      best[i] =
          !Double.isNaN(b)
              ? b
              : target.objective().maximize() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      allTrials[i] = t.total().trials();
      allEpochs[i] = t.total().modelEpochs();
    }
    return new AlgorithmFigures(
        variant.algorithm(),
        n,
        found,
        median(trials),
        median(epochs),
        median(seconds),
        median(best),
        median(allTrials),
        median(allEpochs));
  }

  /**
   * The middle value (the mean of the two middle ones for an even count); an unfound seed counts as
   * infinite, so the median is infinite when half or more found nothing.
   */
  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
