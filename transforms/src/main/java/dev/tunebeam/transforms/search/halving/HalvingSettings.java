package dev.tunebeam.transforms.search.halving;

import dev.tunebeam.transforms.space.AlgorithmSettings;

/**
 * Successive halving's keys: {@code eta} (keep the best 1/eta of each rung; default 3), {@code
 * min_epochs} (the first rung's epochs; default 1) and {@code samples} (random points to start
 * from; 0, the default, starts from the grid). What needs the whole schedule (a rung with no
 * trials, min_epochs above num_epochs) is checked when the schedule is planned.
 */
public record HalvingSettings(int eta, int minEpochs, int samples) implements AlgorithmSettings {
  private static final long serialVersionUID = 1L;

  public HalvingSettings {
    checkRungs(SuccessiveHalving.KEY, eta, minEpochs);
    if (samples < 0) {
      throw new IllegalArgumentException(
          "samples "
              + samples
              + " is not allowed; use 0 (start from the grid) or a number of random points");
    }
  }

  /** From the grid. */
  public HalvingSettings(int eta, int minEpochs) {
    this(eta, minEpochs, 0);
  }

  @Override
  public String key() {
    return SuccessiveHalving.KEY;
  }

  /** Without samples halving starts from the grid, so its ranges need steps as a grid's do. */
  @Override
  public boolean listsGrid() {
    return samples == 0;
  }

  /** The checks every rung schedule's eta and min_epochs pass; {@code key} names the algorithm. */
  public static void checkRungs(String key, int eta, int minEpochs) {
    if (eta < 2) {
      throw new IllegalArgumentException(
          "eta "
              + eta
              + " is not allowed; "
              + key
              + " keeps the top 1/eta of each rung, so eta must be at least 2");
    }
    if (minEpochs < 1) {
      throw new IllegalArgumentException(
          "min_epochs " + minEpochs + " is not allowed; the first rung trains at least 1 epoch");
    }
  }
}
