package dev.tunebeam.transforms.search.hyperband;

import dev.tunebeam.transforms.search.Bracket;
import dev.tunebeam.transforms.search.halving.SuccessiveHalving;
import java.util.ArrayList;
import java.util.List;

/**
 * Hyperband (Li et al., 2018): one successive-halving bracket per starting budget. Bracket {@code
 * s} (of {@code s_max + 1}) starts {@code ceil((s_max + 1) / (s + 1) * eta^s)} trials at rung
 * {@code s_max - s}, so the most exploratory bracket starts at {@code min_epochs} and the last
 * trains a few trials to {@code num_epochs} outright. Each bracket draws its own random points
 * (capped at the number of points the space has).
 */
public final class Hyperband {
  private Hyperband() {}

  public static List<Bracket> brackets(int points, int minEpochs, int topEpochs, int eta) {
    if (minEpochs > topEpochs) {
      throw new IllegalArgumentException(
          "min_epochs "
              + minEpochs
              + " is more than num_epochs "
              + topEpochs
              + "; the first rung cannot train longer than the top rung");
    }
    int sMax = SuccessiveHalving.rungCount(minEpochs, topEpochs, eta) - 1;
    List<Bracket> brackets = new ArrayList<>();
    for (int s = sMax; s >= 0; s--) {
      int n = (int) Math.min(points, Math.ceil((double) (sMax + 1) / (s + 1) * Math.pow(eta, s)));
      brackets.add(SuccessiveHalving.bracket(sMax - s, n, minEpochs, topEpochs, eta, sMax - s));
    }
    return brackets;
  }
}
