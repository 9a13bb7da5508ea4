package dev.tunebeam.transforms.search;

import dev.tunebeam.transforms.search.gp.GpSearch;
import dev.tunebeam.transforms.search.grid.GridSearch;
import dev.tunebeam.transforms.search.halving.SuccessiveHalving;
import dev.tunebeam.transforms.search.hyperband.Hyperband;
import dev.tunebeam.transforms.search.random.RandomSearch;
import dev.tunebeam.transforms.search.tpe.TpeSearch;
import dev.tunebeam.transforms.space.AlgorithmCatalog;
import dev.tunebeam.transforms.space.AlgorithmSettings;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.SettingKeys;
import dev.tunebeam.transforms.space.SpaceSize;
import dev.tunebeam.transforms.study.Trial;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.beam.sdk.annotations.Internal;

/**
 * Every search algorithm, registered once: {@link #ALL} is the one list a new algorithm joins.
 * Everything else asks it by key (a file's {@code algorithm:}) or by space. It is also the space's
 * {@link AlgorithmCatalog}, registered in {@code META-INF/services}, which is how a space reads its
 * algorithm's keys and counts its trials without depending on this package.
 */
@Internal
public final class SearchAlgorithms implements AlgorithmCatalog {
  private static final List<SearchAlgorithm<?>> ALL =
      List.of(
          new GridSearch(),
          new RandomSearch(),
          new SuccessiveHalving(),
          new Hyperband(),
          new TpeSearch(),
          new GpSearch());

  /** For {@link java.util.ServiceLoader}; use the static methods. */
  public SearchAlgorithms() {}

  /** Every registered algorithm, in registration order. */
  public static List<SearchAlgorithm<?>> all() {
    return ALL;
  }

  /**
   * The algorithm {@code key} names (any case); an unknown one is refused with the keys allowed.
   */
  public static SearchAlgorithm<?> of(String key) {
    String wanted = key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
    return ALL.stream()
        .filter(a -> a.key().equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "algorithm "
                        + key
                        + " is not supported; allowed: "
                        + String.join(", ", ALL.stream().map(SearchAlgorithm::key).toList())));
  }

  /** The algorithm whose settings the space holds. */
  public static SearchAlgorithm<?> of(SearchSpace space) {
    return of(space.algorithm().key());
  }

  @Override
  public List<String> keys() {
    return ALL.stream().map(SearchAlgorithm::key).toList();
  }

  @Override
  public Set<String> settingKeys() {
    Set<String> keys = new LinkedHashSet<>();
    ALL.forEach(a -> keys.addAll(a.settingKeys()));
    return keys;
  }

  @Override
  public AlgorithmSettings read(String key, SettingKeys keys) {
    return of(key).read(keys);
  }

  @Override
  public long trials(SearchSpace space) {
    return of(space).trials(space);
  }

  @Override
  public List<Trial> expand(SearchSpace space, int maxTrials) {
    SpaceSize.checkFits(space, maxTrials);
    SearchAlgorithm<?> algorithm = of(space);
    Schedule schedule = algorithm.plan(space);
    if (schedule.adaptive()) {
      throw new IllegalArgumentException(
          "algorithm "
              + algorithm.key()
              + " trains in rungs or rounds; run it with RunSchedule, not as a flat list");
    }
    List<Trial> trials = algorithm.firstTrials(space, schedule, schedule.brackets().get(0));
    space.checkAll(trials);
    return trials;
  }
}
