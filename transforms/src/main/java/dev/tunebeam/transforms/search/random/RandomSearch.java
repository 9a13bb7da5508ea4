package dev.tunebeam.transforms.search.random;

import dev.tunebeam.transforms.search.Bracket;
import dev.tunebeam.transforms.search.Schedule;
import dev.tunebeam.transforms.search.SearchAlgorithm;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.SettingKeys;
import dev.tunebeam.transforms.space.SpaceSize;
import dev.tunebeam.transforms.study.Trial;
import java.util.List;
import java.util.Set;

/**
 * {@code samples} distinct points drawn uniformly (log ranges in their logarithm) with the space's
 * seed, each trained once per repeat; a space smaller than that gives every point it has.
 */
public final class RandomSearch implements SearchAlgorithm<RandomSettings> {
  public static final String KEY = "random";

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public Class<RandomSettings> settingsType() {
    return RandomSettings.class;
  }

  @Override
  public Set<String> settingKeys() {
    return Set.of("samples");
  }

  @Override
  public RandomSettings read(SettingKeys keys) {
    return new RandomSettings(keys.integer("samples", 0));
  }

  @Override
  public long trials(SearchSpace space) {
    return (long) SpaceSize.samplerTrials(space, settings(space).samples()) * space.repeats();
  }

  @Override
  public long requested(SearchSpace space) {
    return (long) settings(space).samples() * space.repeats();
  }

  @Override
  public Schedule plan(SearchSpace space) {
    return Schedule.oneShot(space, trials(space));
  }

  @Override
  public List<Trial> firstTrials(SearchSpace space, Schedule schedule, Bracket bracket) {
    return space.repeated(space.randomTrials(settings(space).samples(), space.seed()));
  }
}
