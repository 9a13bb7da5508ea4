package dev.tunebeam.transforms.search.gp;

import dev.tunebeam.transforms.space.AlgorithmSettings;

/** The Gaussian process's keys: {@code trials} (the total) and {@code batch} (points per round). */
public record GpSettings(int trials, int batch) implements AlgorithmSettings {
  private static final long serialVersionUID = 1L;

  public GpSettings {
    if (trials < 1) {
      throw new IllegalArgumentException(
          "algorithm gp needs trials (the total number of trials) of at least 1, got " + trials);
    }
    if (batch < 1) {
      throw new IllegalArgumentException(
          "algorithm gp needs batch (trials proposed per round) of at least 1, got " + batch);
    }
    if (batch > trials) {
      throw new IllegalArgumentException(
          "batch "
              + batch
              + " is more than trials "
              + trials
              + "; a gp round proposes at most all the trials");
    }
  }

  @Override
  public String key() {
    return GpSearch.KEY;
  }
}
