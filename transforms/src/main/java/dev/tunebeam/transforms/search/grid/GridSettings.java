package dev.tunebeam.transforms.search.grid;

import dev.tunebeam.transforms.space.AlgorithmSettings;

/** Grid search reads no keys of its own: it lists every point of the space, once per repeat. */
public record GridSettings() implements AlgorithmSettings {
  private static final long serialVersionUID = 1L;

  @Override
  public String key() {
    return GridSearch.KEY;
  }

  @Override
  public boolean listsGrid() {
    return true;
  }
}
