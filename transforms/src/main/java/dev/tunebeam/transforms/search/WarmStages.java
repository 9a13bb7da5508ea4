package dev.tunebeam.transforms.search;

import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.warm.WarmStart;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.annotations.Internal;

/**
 * How a {@link WarmStart} changes a schedule, for every algorithm alike (the algorithms themselves
 * know nothing of it):
 *
 * <ul>
 *   <li>Known points go first in the first bracket's first stage. An algorithm that lists the grid
 *       (grid; halving without samples) trains its whole grid besides; any other keeps its planned
 *       size, the known points taking the places of its last own picks (Optuna's {@code
 *       enqueue_trial} counts toward {@code n_trials}).
 *   <li>In a schedule of rounds (TPE, GP) the earlier studies' answered trials are finished trials
 *       every round reads, so they are never trained again. They count toward round 0's random
 *       start, as Optuna counts earlier trials toward {@code n_startup_trials}: round 0 draws only
 *       as many random points as it holds beyond them, and proposes the rest from them.
 *   <li>With {@code reuse} a one-shot study (grid, random) trains none of the points an earlier
 *       study answered and copies their rows instead.
 * </ul>
 */
@Internal
public final class WarmStages {
  private WarmStages() {}

  /** A bracket's first stage: the trials to train, and the earlier rows copied instead. */
  public record FirstStage(List<Trial> train, List<TrialResult> reused) {
    public FirstStage {
      train = List.copyOf(train);
      reused = List.copyOf(reused);
    }
  }

  /**
   * Throws IllegalArgumentException, naming {@code warm_start.reuse}, where the schedule cannot
   * reuse rows (it trains in rungs or rounds).
   */
  public static void check(SearchSpace space, Schedule schedule, WarmStart warm) {
    if (warm.reuse() && schedule.adaptive()) {
      throw new IllegalArgumentException(
          "warm_start.reuse is for grid and random studies, but algorithm "
              + schedule.algorithm()
              + " trains in "
              + schedule.shape().stage()
              + "s (earlier answers are observations it never retrains); drop reuse");
    }
  }

  /**
   * The first stage of {@code bracket} with the warm start applied: the algorithm's own first
   * trials ({@link SearchAlgorithm#firstTrials}), changed as the class comment says.
   */
  public static FirstStage first(
      SearchSpace space,
      Objectives objectives,
      Schedule schedule,
      Bracket bracket,
      WarmStart warm) {
    SearchAlgorithm<?> algorithm = SearchAlgorithms.of(space);
    List<Trial> own = algorithm.firstTrials(space, schedule, bracket);
    if (warm.isEmpty() || bracket.index() != schedule.brackets().get(0).index()) {
      return new FirstStage(own, List.of());
    }
    check(space, schedule, warm);
    Set<String> answeredIds = new HashSet<>();
    warm.answered().forEach(r -> answeredIds.add(r.trial().id()));
    // Rounds read an answered point as finished: a known point among them is not trained again.
    List<Trial> points =
        schedule.shape() == Schedule.Shape.ROUNDS
            ? warm.points().stream().filter(t -> !answeredIds.contains(t.id())).toList()
            : schedule.adaptive() ? warm.points() : space.repeated(warm.points());
    boolean grows = space.algorithm().listsGrid();
    int size = own.size();
    if (!grows && points.size() > size) {
      throw new IllegalArgumentException(
          "warm_start.points lists "
              + points.size()
              + " points, more than the "
              + size
              + " trials of algorithm "
              + schedule.algorithm()
              + "'s first "
              + schedule.shape().stage()
              + "; list fewer points or let the algorithm train more trials");
    }
    Map<String, Trial> chosen = new LinkedHashMap<>();
    points.forEach(t -> chosen.putIfAbsent(t.id(), t));
    if (schedule.shape() == Schedule.Shape.ROUNDS && !warm.answered().isEmpty()) {
      roundZero(space, objectives, algorithm, own, size, warm, chosen);
    } else {
      for (Trial t : own) {
        if (grows || chosen.size() < size) {
          chosen.putIfAbsent(t.id(), t);
        }
      }
    }
    List<Trial> train = new ArrayList<>(chosen.values());
    List<TrialResult> reused = new ArrayList<>();
    if (warm.reuse()) {
      Set<String> ids = new HashSet<>(chosen.keySet());
      for (TrialResult r : warm.answered()) {
        if (ids.contains(r.trial().id())) {
          reused.add(r);
        }
      }
      Set<String> copied = new HashSet<>();
      reused.forEach(r -> copied.add(r.trial().id()));
      train.removeIf(t -> copied.contains(t.id()));
    }
    return new FirstStage(train, reused);
  }

  /**
   * Round 0 of a study with earlier answers: the known points, then random draws for the places of
   * the random start the answers do not fill (none once they fill it), then proposals from the
   * answers for the rest. An answered point is never drawn.
   */
  private static void roundZero(
      SearchSpace space,
      Objectives objectives,
      SearchAlgorithm<?> algorithm,
      List<Trial> own,
      int size,
      WarmStart warm,
      Map<String, Trial> chosen) {
    Set<String> answered = new HashSet<>();
    warm.answered().forEach(r -> answered.add(r.trial().id()));
    int random = Math.max(0, Math.min(size, size - warm.answered().size()) - chosen.size());
    List<Trial> draws = new ArrayList<>(own);
    draws.addAll(space.randomTrials(size + answered.size() + chosen.size(), space.seed() + 1));
    for (Trial t : draws) {
      if (random > 0 && !answered.contains(t.id()) && !chosen.containsKey(t.id())) {
        chosen.put(t.id(), t);
        random--;
      }
    }
    int propose = size - chosen.size();
    if (propose > 0) {
      Proposer proposer =
          algorithm
              .proposer(space)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "algorithm " + algorithm.key() + " plans rounds but proposes none"));
      Proposals.propose(
              space,
              objectives,
              proposer,
              warm.answered(),
              List.copyOf(chosen.values()),
              propose,
              0)
          .forEach(t -> chosen.putIfAbsent(t.id(), t));
    }
  }

  /**
   * What a round's proposer reads: the earlier studies' answers and this study's finished trials.
   */
  public static List<TrialResult> observations(WarmStart warm, List<TrialResult> thisStudy) {
    if (warm.answered().isEmpty()) {
      return thisStudy;
    }
    List<TrialResult> all = new ArrayList<>(warm.answered());
    all.addAll(thisStudy);
    return all;
  }
}
