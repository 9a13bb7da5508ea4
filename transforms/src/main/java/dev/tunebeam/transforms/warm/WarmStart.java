package dev.tunebeam.transforms.warm;

import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.WarmPoints;
import dev.tunebeam.transforms.space.WarmStartBlock;
import dev.tunebeam.transforms.study.Judgement;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a study knows before it trains anything, as this study's own trials: {@code points}, known
 * points trained first (Optuna's {@code enqueue_trial}); {@code answered}, earlier studies'
 * succeeded trials that fall inside this space, each carrying this study's trial (and id) and, in
 * {@link TrialResult#reusedFrom}, the earlier {@code STUDY/TRIAL_ID}; and {@code reuse}, whether a
 * one-shot study copies those rows instead of training their points again.
 *
 * <p>Earlier trials are matched by parameters, not by id (an id hashes the study's name): an
 * earlier trial is inside this space when the trial this space would make from its searched values
 * has the same parameters, fixed ones included. Two earlier rows of one point keep the first (files
 * in the order given, each file best first).
 *
 * <p>Made from a search-space file's block by {@link #load}, or in-process by {@link #of} from
 * results already in memory (a replayed study, a test).
 */
public record WarmStart(List<Trial> points, List<TrialResult> answered, boolean reuse)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** No warm start. */
  public static final WarmStart NONE = new WarmStart(List.of(), List.of(), false);

  public WarmStart {
    points = List.copyOf(points);
    answered = List.copyOf(answered);
  }

  public boolean isEmpty() {
    return points.isEmpty() && answered.isEmpty();
  }

  /**
   * Reads the block's earlier {@code results.json} files (any Beam file system) and checks its
   * points against {@code space}; {@code objectives} are this study's, which each earlier study
   * must share. Throws IllegalArgumentException with one sentence naming the field and the fix.
   */
  public static WarmStart load(SearchSpace space, Objectives objectives, WarmStartBlock block) {
    if (block == null || block.isEmpty()) {
      return NONE;
    }
    List<TrialResult> earlier = new ArrayList<>();
    for (String from : block.from()) {
      EarlierStudy study = EarlierResults.read(from);
      if (!study.objectives().equals(objectives)) {
        throw new IllegalArgumentException(
            EarlierResults.FIELD
                + " "
                + from
                + ": study "
                + study.study()
                + " ranked by "
                + study.objectives().describe()
                + ", this study by "
                + objectives.describe()
                + "; warm-start only from a study with the same objective");
      }
      earlier.addAll(study.results());
    }
    return of(space, earlier, block.points(), block.reuse());
  }

  /**
   * The in-process warm start: {@code earlier} results of any study (their trials keep the earlier
   * study's name and id; the caller vouches that they were ranked by this study's objective),
   * {@code points} each a value for every searched parameter. A point outside the space is refused
   * with one sentence naming {@code warm_start.points[N]}, the parameter and what it allows.
   */
  public static WarmStart of(
      SearchSpace space,
      List<TrialResult> earlier,
      List<Map<String, String>> points,
      boolean reuse) {
    Map<String, Trial> known = new LinkedHashMap<>();
    for (int i = 0; i < points.size(); i++) {
      Trial t =
          space.trial(WarmPoints.check(space, points.get(i), "warm_start.points[" + (i + 1) + "]"));
      known.putIfAbsent(t.id(), t);
    }
    Map<String, TrialResult> answered = new LinkedHashMap<>();
    for (TrialResult r : earlier) {
      if (!r.succeeded()) {
        continue;
      }
      Optional<Map<String, String>> point = WarmPoints.inside(space, r.trial().parameters());
      if (point.isEmpty()) {
        continue;
      }
      Trial ours = space.trial(point.get());
      answered.putIfAbsent(
          ours.id(),
          r.toBuilder()
              .trial(ours)
              .judgement(Judgement.NONE)
              .reusedFrom(r.trial().study() + "/" + r.trial().id())
              .build());
    }
    return new WarmStart(
        List.copyOf(known.values()), List.copyOf(answered.values()), reuse && !earlier.isEmpty());
  }
}
