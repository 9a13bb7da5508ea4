package dev.tunebeam.transforms.search.grid;

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
 * Every combination of the space's values (ranges at their steps), each trained once per repeat.
 */
public final class GridSearch implements SearchAlgorithm<GridSettings> {
  public static final String KEY = "grid";

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public Class<GridSettings> settingsType() {
    return GridSettings.class;
  }

  @Override
  public Set<String> settingKeys() {
    return Set.of();
  }

  @Override
  public GridSettings read(SettingKeys keys) {
    return new GridSettings();
  }

  /** Counted from the specs, never listed: a grid of billions is refused with its size. */
  @Override
  public long trials(SearchSpace space) {
    long points = SpaceSize.gridTrials(space);
    return points > Long.MAX_VALUE / space.repeats() ? Long.MAX_VALUE : points * space.repeats();
  }

  @Override
  public Schedule plan(SearchSpace space) {
    return Schedule.oneShot(space, trials(space));
  }

  @Override
  public List<Trial> firstTrials(SearchSpace space, Schedule schedule, Bracket bracket) {
    return space.repeated(space.gridTrials());
  }
}
