package dev.tunebeam.transforms.search.tpe;

import dev.tunebeam.transforms.search.Proposer;
import dev.tunebeam.transforms.search.RoundsSearch;
import dev.tunebeam.transforms.space.SearchSpace;
import java.util.Optional;

/**
 * The Tree-structured Parzen Estimator in rounds: a random round 0 drawn with the space's seed,
 * then rounds proposed by {@link TpeSampler} from every earlier result. Round 0 draws up to {@link
 * #STARTUP} random points, Optuna's {@code n_startup_trials}: fewer gives the estimator little to
 * split.
 */
public final class TpeSearch extends RoundsSearch<TpeSettings> {
  public static final String KEY = "tpe";
  static final int STARTUP = 10;

  public TpeSearch() {
    super(KEY, TpeSettings.class, STARTUP, TpeSettings::new);
  }

  @Override
  public Optional<Proposer> proposer(SearchSpace space) {
    return Optional.of(new TpeSampler(space.conditional()));
  }
}
