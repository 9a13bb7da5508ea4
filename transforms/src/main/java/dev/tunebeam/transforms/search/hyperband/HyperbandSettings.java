package dev.tunebeam.transforms.search.hyperband;

import dev.tunebeam.transforms.search.halving.HalvingSettings;
import dev.tunebeam.transforms.space.AlgorithmSettings;

/**
 * Hyperband's keys: {@code eta} (each rung keeps the best 1/eta; default 3) and {@code min_epochs}
 * (the most exploratory bracket's first rung; default 1). Its points are random draws with the
 * space's seed, so it reads no {@code samples}.
 */
public record HyperbandSettings(int eta, int minEpochs) implements AlgorithmSettings {
  private static final long serialVersionUID = 1L;

  public HyperbandSettings {
    HalvingSettings.checkRungs(Hyperband.KEY, eta, minEpochs);
  }

  @Override
  public String key() {
    return Hyperband.KEY;
  }
}
