package dev.tunebeam.transforms.search.random;

import dev.tunebeam.transforms.space.AlgorithmSettings;

/** {@code samples}: how many distinct points random search draws (with the space's seed). */
public record RandomSettings(int samples) implements AlgorithmSettings {
  private static final long serialVersionUID = 1L;

  public RandomSettings {
    if (samples < 1) {
      throw new IllegalArgumentException(
          "algorithm random needs samples of at least 1, got " + samples);
    }
  }

  @Override
  public String key() {
    return RandomSearch.KEY;
  }
}
