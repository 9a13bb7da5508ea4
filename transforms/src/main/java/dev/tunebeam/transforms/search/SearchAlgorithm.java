package dev.tunebeam.transforms.search;

import dev.tunebeam.transforms.space.AlgorithmSettings;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.SettingKeys;
import dev.tunebeam.transforms.study.Trial;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One search algorithm (the shape of Optuna's {@code BaseSampler} and DJL's {@code HpOptimizer}): a
 * key, a settings record read from its own keys of a search-space file, and a {@link Schedule}
 * planned from a space: one shot, rungs, or rounds. An algorithm whose rounds read earlier results
 * also gives a {@link Proposer}. Each is registered once, in {@link SearchAlgorithms}.
 *
 * @param <S> its settings record
 */
public interface SearchAlgorithm<S extends AlgorithmSettings> {
  /** {@code algorithm: KEY} in a search-space file; lower case. */
  String key();

  Class<S> settingsType();

  /**
   * The top-level keys of a search-space file it reads, beside {@code algorithm} and {@code seed}.
   */
  Set<String> settingKeys();

  /**
   * Its settings from those keys, a missing key taking its default; a bad value is refused with one
   * sentence that names the key.
   */
  S read(SettingKeys keys);

  /**
   * Every bracket and stage, sized before anything trains, so that the pipeline can be unrolled and
   * its size bounded; throws IllegalArgumentException, naming the field, for a schedule that cannot
   * run.
   */
  Schedule plan(SearchSpace space);

  /**
   * The points a bracket's first stage trains (one shot: all of them, with their repeats), not yet
   * checked against the trainer.
   */
  List<Trial> firstTrials(SearchSpace space, Schedule schedule, Bracket bracket);

  /**
   * Trials it trains, counted without listing them; {@link Long#MAX_VALUE} when that overflows. The
   * plan's count unless listing the plan itself could overflow (a grid of billions).
   */
  default long trials(SearchSpace space) {
    return plan(space).trials();
  }

  /**
   * Trials the space's settings ask for ({@code trials:}, {@code samples:}); more than {@link
   * #trials} when the space has fewer distinct points, and the run then says so.
   */
  default long requested(SearchSpace space) {
    return trials(space);
  }

  /** What proposes a round's points from earlier results; present for a schedule of rounds. */
  default Optional<Proposer> proposer(SearchSpace space) {
    return Optional.empty();
  }

  /** The space's settings, which are this algorithm's. */
  default S settings(SearchSpace space) {
    return settingsType().cast(space.algorithm());
  }
}
