package dev.tunebeam.transforms.search.tpe;

import dev.tunebeam.transforms.search.Bracket;
import dev.tunebeam.transforms.search.Proposer;
import dev.tunebeam.transforms.search.Schedule;
import dev.tunebeam.transforms.search.SearchAlgorithm;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.SettingKeys;
import dev.tunebeam.transforms.space.SpaceSize;
import dev.tunebeam.transforms.study.Trial;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Tree-structured Parzen Estimator in rounds ({@link TpeRounds}): a random round 0 drawn with
 * the space's seed, then rounds proposed by {@link TpeSampler} from every earlier result.
 */
public final class TpeSearch implements SearchAlgorithm<TpeSettings> {
  public static final String KEY = "tpe";

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public Class<TpeSettings> settingsType() {
    return TpeSettings.class;
  }

  @Override
  public Set<String> settingKeys() {
    return Set.of("trials", "batch");
  }

  @Override
  public TpeSettings read(SettingKeys keys) {
    return new TpeSettings(keys.integer("trials", 0), keys.integer("batch", 0));
  }

  @Override
  public Schedule plan(SearchSpace space) {
    TpeSettings s = settings(space);
    int top = Schedule.topEpochs(space);
    // A small space has fewer points than trials asked: plan what can run (requested() keeps the
    // number asked, so the run can say why).
    int trials = SpaceSize.samplerTrials(space, s.trials());
    return new Schedule(
        KEY,
        Schedule.Shape.ROUNDS,
        top,
        List.of(TpeRounds.bracket(trials, Math.min(s.batch(), trials), top)));
  }

  @Override
  public long requested(SearchSpace space) {
    return settings(space).trials();
  }

  /** Round 0: random points. */
  @Override
  public List<Trial> firstTrials(SearchSpace space, Schedule schedule, Bracket bracket) {
    return space.randomTrials(bracket.rungs().get(0).trials(), space.seed());
  }

  @Override
  public Optional<Proposer> proposer(SearchSpace space) {
    return Optional.of(new TpeSampler(space.conditional()));
  }
}
