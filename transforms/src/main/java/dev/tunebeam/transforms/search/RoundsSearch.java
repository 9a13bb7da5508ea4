package dev.tunebeam.transforms.search;

import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.SettingKeys;
import dev.tunebeam.transforms.space.SpaceSize;
import dev.tunebeam.transforms.study.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.beam.sdk.annotations.Internal;

/**
 * An algorithm that proposes in rounds (TPE, the Gaussian process): round 0 draws {@code max(batch,
 * min(startup, trials / 2))} random points with the space's seed (a small study keeps half its
 * trials for the model), each later round proposes {@code batch} points from every earlier result
 * (the last round the remainder), and every trial trains to num_epochs. A subclass names its key,
 * settings, number of random points and proposer; the rest is written once here.
 */
@Internal
public abstract class RoundsSearch<S extends RoundsSettings> implements SearchAlgorithm<S> {
  private final String key;
  private final Class<S> type;
  private final int startup;
  private final BiFunction<Integer, Integer, S> settings;

  protected RoundsSearch(
      String key, Class<S> type, int startup, BiFunction<Integer, Integer, S> settings) {
    this.key = key;
    this.type = type;
    this.startup = startup;
    this.settings = settings;
  }

  @Override
  public final String key() {
    return key;
  }

  @Override
  public final Class<S> settingsType() {
    return type;
  }

  @Override
  public final Set<String> settingKeys() {
    return Set.of("trials", "batch");
  }

  @Override
  public final S read(SettingKeys keys) {
    return settings.apply(keys.integer("trials", 0), keys.integer("batch", 0));
  }

  @Override
  public final Schedule plan(SearchSpace space) {
    S s = settings(space);
    int top = Schedule.topEpochs(space);
    // A small space has fewer points than trials asked: plan what can run (requested() keeps the
    // number asked, so the run can say why).
    int trials = SpaceSize.samplerTrials(space, s.trials());
    return new Schedule(
        key,
        Schedule.Shape.ROUNDS,
        top,
        List.of(bracket(trials, Math.min(s.batch(), trials), top, startup)));
  }

  @Override
  public final long requested(SearchSpace space) {
    return settings(space).trials();
  }

  /** Round 0: random points. */
  @Override
  public final List<Trial> firstTrials(SearchSpace space, Schedule schedule, Bracket bracket) {
    return space.randomTrials(bracket.rungs().get(0).trials(), space.seed());
  }

  /** The rounds of {@code trials} in batches of {@code batch}, after {@code startup} random. */
  static Bracket bracket(int trials, int batch, int epochs, int startup) {
    List<Rung> rounds = new ArrayList<>();
    int first = Math.min(trials, Math.max(batch, Math.min(startup, trials / 2)));
    rounds.add(new Rung(0, 0, epochs, 0, first));
    for (int done = first; done < trials; done += batch) {
      rounds.add(new Rung(0, rounds.size(), epochs, 0, Math.min(batch, trials - done)));
    }
    return new Bracket(0, rounds);
  }
}
