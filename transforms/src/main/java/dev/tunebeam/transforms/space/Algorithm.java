package dev.tunebeam.transforms.space;

import java.util.Locale;

/** How a search space becomes trials: every combination, or {@code samples} random points. */
public enum Algorithm {
  GRID,
  RANDOM;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
