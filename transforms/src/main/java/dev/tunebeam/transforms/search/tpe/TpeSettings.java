package dev.tunebeam.transforms.search.tpe;

import dev.tunebeam.transforms.space.AlgorithmSettings;

/** TPE's keys: {@code trials} (the total) and {@code batch} (trials proposed per round). */
public record TpeSettings(int trials, int batch) implements AlgorithmSettings {
  private static final long serialVersionUID = 1L;

  public TpeSettings {
    if (trials < 1) {
      throw new IllegalArgumentException(
          "algorithm tpe needs trials (the total number of trials) of at least 1, got " + trials);
    }
    if (batch < 1) {
      throw new IllegalArgumentException(
          "algorithm tpe needs batch (trials proposed per round) of at least 1, got " + batch);
    }
    if (batch > trials) {
      throw new IllegalArgumentException(
          "batch "
              + batch
              + " is more than trials "
              + trials
              + "; a tpe round proposes at most all the trials");
    }
  }

  @Override
  public String key() {
    return TpeSearch.KEY;
  }
}
