package dev.tunebeam.transforms.search;

import dev.tunebeam.transforms.results.Objective;
import dev.tunebeam.transforms.results.TrialResult;
import dev.tunebeam.transforms.search.tpe.TpeSampler;
import dev.tunebeam.transforms.space.ParameterSpec;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.Trial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.random.Well19937c;

/**
 * A TPE round's new trials from the results of every earlier round. Deterministic: results are read
 * in trial-id order (a side input has none) and the generator is seeded from the study's seed and
 * the round. The round's points are proposed one after another, each earlier one counted as a trial
 * with the worst result (Optuna's {@code constant_liar}), so a round spreads out. A proposal equal
 * to an earlier trial is drawn again; after 20 repeats a random point is taken instead, so a small
 * space still fills its round where it can.
 */
public final class TpeProposals {
  private TpeProposals() {}

  public static List<Trial> propose(
      SearchSpace space, Objective objective, List<TrialResult> finished, int count, int round) {
    List<TrialResult> sorted = new ArrayList<>(finished);
    sorted.sort(Comparator.comparing(r -> r.trial().id()));
    Set<String> searched = new HashSet<>();
    space.parameters().stream().map(ParameterSpec::name).forEach(searched::add);
    List<TpeSampler.Observation> observations = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (TrialResult r : sorted) {
      taken.add(r.trial().id());
      double v = RungResults.value(r, objective);
      if (!Double.isNaN(v)) {
        observations.add(
            new TpeSampler.Observation(
                searchedPoint(r.trial(), searched), objective.maximize() ? v : -v));
      }
    }
    long seed = space.seed() * 1_000_003L + round;
    Well19937c rng = new Well19937c(seed);
    TpeSampler sampler = new TpeSampler(space.conditional());
    List<Trial> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Trial next = null;
      for (int attempt = 0; attempt < 20 && next == null; attempt++) {
        Trial t = space.trial(sampler.propose(observations, rng));
        next = taken.contains(t.id()) ? null : t;
      }
      for (Trial t :
          next == null
              ? space.randomTrials(count * 4 + taken.size(), seed + i)
              : List.<Trial>of()) {
        if (next == null && !taken.contains(t.id())) {
          next = t;
        }
      }
      if (next != null) {
        taken.add(next.id());
        out.add(next);
        // Optuna's constant liar: a point proposed but not yet trained counts as the worst result,
        // so the round's next proposal is drawn away from it instead of beside it.
        observations.add(
            new TpeSampler.Observation(searchedPoint(next, searched), Double.NEGATIVE_INFINITY));
      }
    }
    return out;
  }

  private static Map<String, String> searchedPoint(Trial t, Set<String> searched) {
    Map<String, String> point = new LinkedHashMap<>(t.parameters());
    point.keySet().retainAll(searched);
    return point;
  }
}
