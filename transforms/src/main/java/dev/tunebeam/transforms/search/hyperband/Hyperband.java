package dev.tunebeam.transforms.search.hyperband;

import dev.tunebeam.transforms.search.Bracket;
import dev.tunebeam.transforms.search.Schedule;
import dev.tunebeam.transforms.search.SearchAlgorithm;
import dev.tunebeam.transforms.search.halving.SuccessiveHalving;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.SettingKeys;
import dev.tunebeam.transforms.study.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Hyperband (Li et al., 2018): one successive-halving bracket per starting budget. Bracket {@code
 * s} (of {@code s_max + 1}) starts {@code ceil((s_max + 1) / (s + 1) * eta^s)} trials at rung
 * {@code s_max - s}, so the most exploratory bracket starts at {@code min_epochs} and the last
 * trains a few trials to {@code num_epochs} outright. Each bracket draws its own random points
 * (capped at the number of points the space has).
 */
public final class Hyperband implements SearchAlgorithm<HyperbandSettings> {
  public static final String KEY = "hyperband";

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public Class<HyperbandSettings> settingsType() {
    return HyperbandSettings.class;
  }

  @Override
  public Set<String> settingKeys() {
    return Set.of("eta", "min_epochs");
  }

  @Override
  public HyperbandSettings read(SettingKeys keys) {
    return new HyperbandSettings(keys.integer("eta", 3), keys.integer("min_epochs", 1));
  }

  /**
   * A space with a continuous range has as many points as a bracket asks for; a finite one caps
   * each bracket at its size.
   */
  @Override
  public Schedule plan(SearchSpace space) {
    HyperbandSettings s = settings(space);
    int top = Schedule.topEpochs(space);
    int points =
        (int) Math.min(Integer.MAX_VALUE, space.conditional().finiteSizeOr(Integer.MAX_VALUE));
    return new Schedule(
        KEY, Schedule.Shape.RUNGS, top, brackets(points, s.minEpochs(), top, s.eta()));
  }

  /**
   * A bracket's own random points; the bracket is part of the id, so a point drawn twice trains in
   * two folders.
   */
  @Override
  public List<Trial> firstTrials(SearchSpace space, Schedule schedule, Bracket bracket) {
    int count = bracket.rungs().get(0).trials();
    return space.randomTrials(count, space.seed() + bracket.index()).stream()
        .map(
            t ->
                new Trial(
                    Trial.idOf(space.study() + "-bracket" + bracket.index(), t.parameters()),
                    t.study(),
                    t.parameters()))
        .toList();
  }

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
