package dev.tunebeam.transforms.space;

import java.util.Locale;

/**
 * How a search space becomes trials: every combination, {@code samples} random points, or an
 * adaptive schedule ({@code dev.tunebeam.transforms.search}) unrolled when the pipeline is built.
 */
public enum Algorithm {
  GRID,
  RANDOM,
  HALVING,
  HYPERBAND,
  TPE;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether trials are trained in rungs or rounds that depend on earlier results. */
  public boolean adaptive() {
    return rungs() || this == TPE;
  }

  /** Whether trials are trained in rungs of successive halving, each a barrier for the next. */
  public boolean rungs() {
    return this == HALVING || this == HYPERBAND;
  }
}
