package dev.tunebeam.transforms.search.tpe;

import dev.tunebeam.transforms.search.RoundsSettings;

/** TPE's keys: {@code trials} (the total) and {@code batch} (points proposed per round). */
public record TpeSettings(int trials, int batch) implements RoundsSettings {
  private static final long serialVersionUID = 1L;

  public TpeSettings {
    RoundsSettings.check(TpeSearch.KEY, trials, batch);
  }

  @Override
  public String key() {
    return TpeSearch.KEY;
  }
}
