package dev.tunebeam.transforms.search.halving;

import dev.tunebeam.transforms.search.Bracket;
import dev.tunebeam.transforms.search.Rung;
import dev.tunebeam.transforms.search.Schedule;
import dev.tunebeam.transforms.search.SearchAlgorithm;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.SettingKeys;
import dev.tunebeam.transforms.space.SpaceSize;
import dev.tunebeam.transforms.study.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Successive halving's rungs: epochs {@code min_epochs * eta^i} for {@code i < s}, where {@code s =
 * floor(log_eta(num_epochs / min_epochs))}, then the top rung at {@code num_epochs} (so 10 epochs
 * with eta 3 gives rungs 1, 3, 10, not 1, 3, 9, 10); each rung keeps the best {@code floor(n /
 * eta)} of the one before. It starts from every grid point, or from {@code samples} random points.
 */
public final class SuccessiveHalving implements SearchAlgorithm<HalvingSettings> {
  public static final String KEY = "halving";

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public Class<HalvingSettings> settingsType() {
    return HalvingSettings.class;
  }

  @Override
  public Set<String> settingKeys() {
    return Set.of("eta", "min_epochs", "samples");
  }

  @Override
  public HalvingSettings read(SettingKeys keys) {
    return new HalvingSettings(
        keys.integer("eta", 3), keys.integer("min_epochs", 1), keys.integer("samples", 0));
  }

  @Override
  public Schedule plan(SearchSpace space) {
    HalvingSettings s = settings(space);
    int top = Schedule.topEpochs(space);
    return new Schedule(
        KEY,
        Schedule.Shape.RUNGS,
        top,
        List.of(bracket(0, startCount(space, s), s.minEpochs(), top, s.eta(), 0)));
  }

  @Override
  public List<Trial> firstTrials(SearchSpace space, Schedule schedule, Bracket bracket) {
    HalvingSettings s = settings(space);
    return s.samples() > 0 ? space.randomTrials(s.samples(), space.seed()) : space.gridTrials();
  }

  /** How many points the first rung starts, without listing them. */
  private static int startCount(SearchSpace space, HalvingSettings s) {
    long n =
        s.samples() > 0
            ? Math.min(s.samples(), space.conditional().finiteSizeOr(s.samples()))
            : SpaceSize.gridTrials(space);
    return (int) Math.min(Integer.MAX_VALUE, n);
  }

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
