package dev.tunebeam.transforms.search;

import dev.tunebeam.transforms.space.ParameterSpec;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.annotations.Internal;
import org.apache.commons.math3.random.Well19937c;

/**
 * A round's new trials from the results of every earlier round, for any {@link Proposer}.
 * Deterministic: results are read in trial-id order (a side input has none) and the generator is
 * seeded from the study's seed and the round. The round's points are proposed one after another,
 * each earlier one handed to the proposer as pending (TPE counts it as the worst result, Optuna's
 * {@code constant_liar}), so a round spreads out. A proposal equal to an earlier trial is drawn
 * again; after 20 repeats a random point is taken instead, so a small space still fills its round
 * where it can.
 */
@Internal
public final class Proposals {
  static final int ATTEMPTS = 20;

  private Proposals() {}

  public static List<Trial> propose(
      SearchSpace space,
      Objective objective,
      Proposer proposer,
      List<TrialResult> finished,
      int count,
      int round) {
    return propose(space, Objectives.of(objective), proposer, finished, count, round);
  }

  /**
   * With several objectives each observation carries every objective's value (larger is better);
   * {@link Observation#value} is the first's, for a proposer that reads one.
   */
  public static List<Trial> propose(
      SearchSpace space,
      Objectives objectives,
      Proposer proposer,
      List<TrialResult> finished,
      int count,
      int round) {
    return propose(space, objectives, proposer, finished, List.of(), count, round);
  }

  /**
   * {@code chosen}: this round's points picked before the proposer is asked (a warm start's known
   * points, random draws), counted as pending and never proposed again.
   */
  public static List<Trial> propose(
      SearchSpace space,
      Objectives objectives,
      Proposer proposer,
      List<TrialResult> finished,
      List<Trial> chosen,
      int count,
      int round) {
    List<TrialResult> sorted = new ArrayList<>(finished);
    sorted.sort(Comparator.comparing(r -> r.trial().id()));
    Set<String> searched = new HashSet<>();
    space.parameters().stream().map(ParameterSpec::name).forEach(searched::add);
    List<Observation> observations = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (TrialResult r : sorted) {
      taken.add(r.trial().id());
      List<Double> values = RungResults.values(r, objectives);
      if (!values.isEmpty()) {
        observations.add(new Observation(searchedPoint(r.trial(), searched), values));
      }
    }
    long seed = space.seed() * 1_000_003L + round;
    Well19937c rng = new Well19937c(seed);
    List<Map<String, String>> pending = new ArrayList<>();
    for (Trial t : chosen) {
      taken.add(t.id());
      pending.add(searchedPoint(t, searched));
    }
    List<Trial> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Trial next = null;
      for (int attempt = 0; attempt < ATTEMPTS && next == null; attempt++) {
        Trial t = space.trial(proposer.propose(observations, pending, rng));
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
        pending.add(searchedPoint(next, searched));
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
