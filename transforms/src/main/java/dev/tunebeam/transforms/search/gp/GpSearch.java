package dev.tunebeam.transforms.search.gp;

import dev.tunebeam.transforms.search.Proposer;
import dev.tunebeam.transforms.search.RoundsSearch;
import dev.tunebeam.transforms.space.SearchSpace;
import java.util.Optional;

/**
 * Bayesian optimisation with a Gaussian process in rounds: a random round 0 drawn with the space's
 * seed, then rounds proposed by {@link GpSampler} from every earlier result. Round 0 draws fewer
 * random points than TPE's ({@link #STARTUP}): a process models the objective from a handful of
 * points, and every trial it proposes instead of drawing counts at these budgets (Ax starts from 5
 * in two dimensions).
 */
public final class GpSearch extends RoundsSearch<GpSettings> {
  public static final String KEY = "gp";
  static final int STARTUP = 5;

  public GpSearch() {
    super(KEY, GpSettings.class, STARTUP, GpSettings::new);
  }

  @Override
  public Optional<Proposer> proposer(SearchSpace space) {
    return Optional.of(new GpSampler(space.conditional()));
  }
}
