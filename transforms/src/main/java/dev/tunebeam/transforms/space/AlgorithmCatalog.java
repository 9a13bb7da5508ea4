package dev.tunebeam.transforms.space;

import dev.tunebeam.transforms.study.Trial;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The registered search algorithms, as a space needs them: to read a file's {@code algorithm:} and
 * its keys, and to count and list what an algorithm trains. The one implementation is the search
 * package's registry ({@code SearchAlgorithms}), found with {@link java.util.ServiceLoader} as Beam
 * finds its file systems: the search package plans from a space, so the space may not name it in
 * code.
 */
public interface AlgorithmCatalog {
  /** The key a space that names no algorithm gets: every grid point once. */
  String DEFAULT_KEY = "grid";

  /** Every registered algorithm's key, in registration order. */
  List<String> keys();

  /** Top-level keys of a search-space file that some algorithm reads (eta, trials, ...). */
  Set<String> settingKeys();

  /**
   * The settings of algorithm {@code key} (any case) from the file's keys, a missing one taking its
   * default; an unknown algorithm is refused with the keys allowed.
   */
  AlgorithmSettings read(String key, SettingKeys keys);

  /** Trials the space's algorithm trains, counted; {@link Long#MAX_VALUE} when that overflows. */
  long trials(SearchSpace space);

  /**
   * Why the space's algorithm plans fewer trials than its settings ask for (a space with fewer
   * distinct points than {@code trials:}); empty when it plans them all.
   */
  Optional<String> plannedFewer(SearchSpace space);

  /**
   * A one-shot algorithm's trials, each checked against the trainer, refusing more than {@code
   * maxTrials}; an algorithm that trains in rungs or rounds is refused.
   */
  List<Trial> expand(SearchSpace space, int maxTrials);

  /** The registry on the class path. */
  static AlgorithmCatalog get() {
    return CatalogLoader.CATALOG;
  }
}
