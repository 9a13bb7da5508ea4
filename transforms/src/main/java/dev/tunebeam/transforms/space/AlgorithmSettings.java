package dev.tunebeam.transforms.space;

import java.io.Serializable;

/**
 * The algorithm a space names, as that algorithm's own settings record ({@code HalvingSettings(eta,
 * minEpochs, samples)}, {@code TpeSettings(trials, batch)}, ...; one per algorithm, each in its own
 * package under {@code dev.tunebeam.transforms.search}). A record checks its own fields when it is
 * made, naming the key. The space only holds it: what it plans is the search package's, so that
 * package depends on this one and not the other way round.
 */
public interface AlgorithmSettings extends Serializable {
  /** The algorithm's key in a search-space file: {@code algorithm: KEY}. */
  String key();

  /**
   * Whether the algorithm lists the space's grid, so that every range needs {@code steps} (grid
   * search; halving without {@code samples}).
   */
  default boolean listsGrid() {
    return false;
  }
}
