package dev.tunebeam.transforms.search.halving;

import dev.tunebeam.transforms.search.Bracket;
import dev.tunebeam.transforms.search.Rung;
import java.util.ArrayList;
import java.util.List;

/**
 * Successive halving's rungs: epochs {@code min_epochs * eta^i} for {@code i < s}, where {@code s =
 * floor(log_eta(num_epochs / min_epochs))}, then the top rung at {@code num_epochs} (so 10 epochs
 * with eta 3 gives rungs 1, 3, 10, not 1, 3, 9, 10); each rung keeps the best {@code floor(n /
 * eta)} of the one before.
 */
public final class SuccessiveHalving {
  private SuccessiveHalving() {}

  /** {@code skip} leaves out the lowest rungs (Hyperband's later brackets start higher). */
  public static Bracket bracket(
      int index, int trials, int minEpochs, int topEpochs, int eta, int skip) {
    if (minEpochs > topEpochs) {
      throw new IllegalArgumentException(
          "min_epochs "
              + minEpochs
              + " is more than num_epochs "
              + topEpochs
              + "; the first rung cannot train longer than the top rung");
    }
    List<Integer> epochs = new ArrayList<>();
    for (long e = minEpochs; e * eta <= topEpochs; e *= eta) {
      epochs.add((int) e);
    }
    epochs.add(topEpochs);
    List<Rung> rungs = new ArrayList<>();
    int n = trials;
    int from = 0;
    for (int i = skip; i < epochs.size(); i++) {
      if (n < 1) {
        throw new IllegalArgumentException(
            "eta "
                + eta
                + " leaves rung "
                + (i - skip)
                + " (epoch "
                + epochs.get(i)
                + ") of bracket "
                + index
                + " with zero trials ("
                + trials
                + " trials to start); use more trials, a smaller eta or a larger min_epochs");
      }
      rungs.add(new Rung(index, i - skip, epochs.get(i), from, n));
      from = epochs.get(i);
      n /= eta;
    }
    return new Bracket(index, rungs);
  }

  /** How many rungs a full bracket has: {@code s + 1}. */
  public static int rungCount(int minEpochs, int topEpochs, int eta) {
    int count = 1;
    for (long e = minEpochs; e * eta <= topEpochs; e *= eta) {
      count++;
    }
    return count;
  }
}
