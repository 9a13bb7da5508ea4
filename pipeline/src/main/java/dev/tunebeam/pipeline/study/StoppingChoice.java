package dev.tunebeam.pipeline.study;

import dev.tunebeam.pipeline.SearchOptions;
import dev.tunebeam.transforms.search.stopping.StoppingPlan;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.SearchSpaceLoader;
import dev.tunebeam.transforms.space.StoppingRule;
import dev.tunebeam.transforms.study.Objectives;
import java.util.Optional;

/**
 * The run's early-stopping rule: the {@code stopping:} block of the {@code --searchSpace} file,
 * checked against the space as the run resolved it (its --epochs, its objectives), so a rule that
 * cannot apply is refused before anything is written.
 */
public final class StoppingChoice {
  private StoppingChoice() {}

  public static Optional<StoppingRule> of(
      SearchOptions o, SearchSpace space, Objectives objectives) {
    if (o.getSearchSpace().isBlank()) {
      return Optional.empty();
    }
    Optional<StoppingRule> rule =
        SearchSpaceLoader.stopping(
            o.getSearchSpace(), SpaceChoice.read("--searchSpace", o.getSearchSpace()));
    rule.ifPresent(r -> StoppingPlan.of(space, r, objectives));
    return rule;
  }
}
