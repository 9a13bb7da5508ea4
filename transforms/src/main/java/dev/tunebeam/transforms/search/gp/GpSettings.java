package dev.tunebeam.transforms.search.gp;

import dev.tunebeam.transforms.search.RoundsSettings;

/**
 * The Gaussian process's keys: {@code trials} (the total) and {@code batch} (points proposed per
 * round).
 */
public record GpSettings(int trials, int batch) implements RoundsSettings {
  private static final long serialVersionUID = 1L;

  public GpSettings {
    RoundsSettings.check(GpSearch.KEY, trials, batch);
  }

  @Override
  public String key() {
    return GpSearch.KEY;
  }
}
