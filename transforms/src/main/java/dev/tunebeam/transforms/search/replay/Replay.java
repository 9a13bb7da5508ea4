package dev.tunebeam.transforms.search.replay;

import dev.tunebeam.transforms.exec.Lane;
import dev.tunebeam.transforms.search.Schedule;
import dev.tunebeam.transforms.search.ScheduleWalk;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.warm.WarmStart;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.annotations.Internal;

/**
 * A search space replayed against a recording: its schedule walked stage by stage in this JVM
 * ({@link ScheduleWalk}, the pipeline's own promotions and proposals), each trial's result looked
 * up by a {@link ReplayExecutor} instead of trained. Answers in milliseconds what the study would
 * have done on the recorded curves, so that many seeds and algorithms can be compared ({@link
 * Simulation}).
 *
 * <pre>{@code
 * Replay replay = Replay.of(RecordingFiles.read("out/lenet5-fashion"), space);
 * ScheduleWalk.Walked study = replay.walk(space.withSeed(7));
 * }</pre>
 */
@Internal
public final class Replay {
  private final Recording recording;
  private final SearchSpace space;
  private final Objective objective;

  private Replay(Recording recording, SearchSpace space, Objective objective) {
    this.recording = recording;
    this.space = space;
    this.objective = objective;
  }

  /**
   * Checks now that the recording holds every point the space's algorithm can ask for and reports
   * the space's objective; throws IllegalArgumentException with one sentence otherwise.
   */
  public static Replay of(Recording recording, SearchSpace space) {
    Objectives objectives = space.effectiveObjectives();
    if (objectives.several()) {
      throw new IllegalArgumentException(
          "objectives "
              + objectives.describe()
              + " are several; a replay measures the way to one recorded best, so give the space one objective");
    }
    Objective objective = objectives.primary();
    if (!recording.metrics().contains(objective.metric())) {
      throw new IllegalArgumentException(
          "objective metric "
              + objective.metric()
              + " is not in the recording "
              + recording.source()
              + "; it holds "
              + String.join(", ", recording.metrics()));
    }
    RecordedPoints.of(recording, space);
    return new Replay(recording, space, objective);
  }

  public SearchSpace space() {
    return space;
  }

  public Objective objective() {
    return objective;
  }

  public Recording recording() {
    return recording;
  }

  /**
   * Throws IllegalArgumentException now, with one sentence, if {@code variant} (this space under
   * another algorithm) cannot be replayed: a schedule that cannot run, a range it would draw from,
   * a point the recording lacks.
   */
  public void check(SearchSpace variant) {
    Schedule.of(variant);
    RecordedPoints.of(recording, variant);
  }

  /**
   * {@code variant} (this space under another seed or algorithm) walked on the recording; a point
   * it asks for that the recording lacks is refused with one sentence.
   */
  public ScheduleWalk.Walked walk(SearchSpace variant) {
    return walk(variant, WarmStart.NONE);
  }

  /**
   * With a warm start (earlier answers, known points, reuse), as the pipeline runs one: {@code
   * WarmStart.of(variant, rowsOfAnotherReplay, points, reuse)} replays a study started from
   * another.
   */
  public ScheduleWalk.Walked walk(SearchSpace variant, WarmStart warm) {
    ReplayExecutor executor = new ReplayExecutor(RecordedPoints.of(recording, variant));
    return ScheduleWalk.walk(
        variant,
        Objectives.of(objective),
        warm,
        (stage, trials) -> {
          Map<String, TrialResult> byId = new HashMap<>();
          executor.run(trials, Lane.detached()).results().forEach(r -> byId.put(r.trial().id(), r));
          return trials.stream().map(t -> byId.get(t.id())).toList();
        });
  }

  /**
   * The best value the recording holds among the space's points at its top epochs (what a full grid
   * of this space would find), and the trials counted as found within {@code tolerance} of it.
   */
  public Target target(double tolerance) {
    RecordedPoints points = RecordedPoints.of(recording, space);
    Trial best = null;
    double value = Double.NaN;
    for (Trial t : space.gridTrials()) {
      TrialResult r = Objectives.of(objective).evaluate(points.lookUp(t, ReplayExecutor.BACKEND));
      double v = r.succeeded() ? r.objectiveValue() : Double.NaN;
      if (!Double.isNaN(v) && (best == null || better(v, value))) {
        best = t;
        value = v;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException(
          "the recording "
              + recording.source()
              + " has no succeeded trial among the space's points; nothing to find");
    }
    return new Target(objective, value, best, tolerance);
  }

  private boolean better(double a, double b) {
    return objective.maximize() ? a > b : a < b;
  }

  /** Every trial this walk's study trained, in order, for the figures. */
  public StudyTrace trace(ScheduleWalk.Walked walked) {
    return StudyTrace.of(walked, objective);
  }
}
