package dev.tunebeam.transforms.search;

import com.google.auto.value.AutoValue;
import dev.tunebeam.transforms.results.ToList;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.annotations.Internal;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * A search unrolled into a fixed DAG when the pipeline is built: every size is known in advance
 * ({@link Schedule}), so the same space and seed give the same promotions on any runner, and a
 * retried bundle changes nothing. Emits one row per trial: the top rung's SUCCEEDED rows, STOPPED
 * rows for trials a rung did not promote, FAILED rows as they came.
 *
 * <pre>{@code
 * PCollection<TrialResult> results = p.apply(RunSchedule.of(space, objective, RungRunner.always(TrainLocally.to(out))));
 * }</pre>
 *
 * The graph follows the plan's shape, never the algorithm's name. One shot: the trials, trained.
 * Rungs: each rung's results are gathered into one list (the barrier), ranked, and the best 1/eta
 * go on, continuing from their checkpoints; several brackets (Hyperband) run side by side,
 * flattened. Rounds: round {@code k} reads every earlier round's results as a side input and asks
 * the algorithm's {@link Proposer} for its points.
 */
@AutoValue
@Internal
public abstract class RunSchedule extends PTransform<PBegin, PCollection<TrialResult>> {
  private static final long serialVersionUID = 1L;

  public abstract SearchSpace space();

  /** What rungs are ranked by (Pareto front with several) and proposers read. */
  public abstract Objectives objectives();

  public abstract RungRunner runner();

  abstract Builder toBuilder();

  /** Throws IllegalArgumentException now, naming the field, for a schedule that cannot run. */
  public static RunSchedule of(SearchSpace space, Objective objective, RungRunner runner) {
    return of(space, objective == null ? null : Objectives.of(objective), runner);
  }

  /**
   * With several objectives a rung promotes by non-dominated sorting and TPE proposes as Optuna's
   * multi-objective TPE does; throws IllegalArgumentException now for a schedule that cannot run.
   */
  public static RunSchedule of(SearchSpace space, Objectives objectives, RungRunner runner) {
    if (space == null) {
      throw new IllegalArgumentException(
          "space is missing; load one with SearchSpaceLoader or build one with SearchSpace.builder");
    }
    Schedule.of(space);
    return new AutoValue_RunSchedule.Builder()
        .setSpace(space)
        .setObjectives(checkObjectives(objectives))
        .setRunner(checkRunner(runner))
        .build();
  }

  /** Ranks rungs and feeds proposers by this objective instead. */
  public RunSchedule withObjective(Objective objective) {
    return withObjectives(objective == null ? null : Objectives.of(objective));
  }

  /** Ranks rungs and feeds proposers by these objectives instead. */
  public RunSchedule withObjectives(Objectives objectives) {
    return toBuilder().setObjectives(checkObjectives(objectives)).build();
  }

  /** Trains each stage with this runner instead. */
  public RunSchedule withRunner(RungRunner runner) {
    return toBuilder().setRunner(checkRunner(runner)).build();
  }

  private static Objectives checkObjectives(Objectives objectives) {
    if (objectives == null) {
      throw new IllegalArgumentException(
          "objective is missing; pass one, such as Objective.DEFAULT (best val_accuracy)");
    }
    return objectives;
  }

  private static RungRunner checkRunner(RungRunner runner) {
    if (runner == null) {
      throw new IllegalArgumentException(
          "runner is missing; pass what trains a stage, such as RungRunner.always(TrainLocally.to(dir))");
    }
    return runner;
  }

  public Schedule schedule() {
    return Schedule.of(space());
  }

  /**
   * The trials of each bracket's first stage (TPE: its random round 0), checked against the
   * trainer; in a schedule of rungs or rounds each carries the stage's epochs.
   */
  public List<List<Trial>> firstTrials() {
    return firstTrials(schedule());
  }

  private List<List<Trial>> firstTrials(Schedule schedule) {
    SearchAlgorithm<?> algorithm = SearchAlgorithms.of(space());
    List<List<Trial>> out = new ArrayList<>();
    for (Bracket b : schedule.brackets()) {
      Rung first = b.rungs().get(0);
      List<Trial> points = algorithm.firstTrials(space(), schedule, b);
      space().checkAll(points);
      out.add(
          schedule.adaptive()
              ? points.stream().map(t -> RungResults.atEpochs(t, first.epochs())).toList()
              : points);
    }
    return out;
  }

  @Override
  public PCollection<TrialResult> expand(PBegin begin) {
    Schedule schedule = schedule();
    List<List<Trial>> first = firstTrials(schedule);
    PCollectionList<TrialResult> all = PCollectionList.empty(begin.getPipeline());
    for (int i = 0; i < schedule.brackets().size(); i++) {
      Bracket b = schedule.brackets().get(i);
      PCollection<Trial> start =
          begin.apply(
              "Bracket" + b.index() + "Trials",
              Create.of(first.get(i)).withCoder(SerializableCoder.of(Trial.class)));
      PCollectionList<TrialResult> bracket =
          switch (schedule.shape()) {
            case ONE_SHOT -> PCollectionList.of(train(b.rungs().get(0), start));
            case RUNGS -> rungs(b, start);
            case ROUNDS -> rounds(b, start);
          };
      all = all.and(bracket.getAll());
    }
    return all.apply("AllRungs", Flatten.pCollections());
  }

  private PCollection<TrialResult> train(Rung stage, PCollection<Trial> trials) {
    return trials.apply(stage.name() + "Train", runner().forRung(stage));
  }

  private PCollectionList<TrialResult> rungs(Bracket b, PCollection<Trial> start) {
    PCollectionList<TrialResult> out = PCollectionList.empty(start.getPipeline());
    PCollection<Trial> current = start;
    for (int i = 0; i < b.rungs().size(); i++) {
      Rung rung = b.rungs().get(i);
      PCollection<TrialResult> results = train(rung, current);
      if (i == b.rungs().size() - 1) {
        return out.and(results);
      }
      TupleTag<Trial> promoted = promotedTag();
      TupleTag<TrialResult> left = leftTag();
      PCollectionTuple split =
          results
              .apply(rung.name() + "Gather", Combine.globally(ToList.<TrialResult>of()))
              .apply(
                  rung.name() + "Promote",
                  ParDo.of(new PromoteFn(rung, b.rungs().get(i + 1), objectives(), promoted, left))
                      .withOutputTags(promoted, TupleTagList.of(left)));
      out = out.and(split.get(left));
      current = split.get(promoted);
    }
    return out;
  }

  // Static, so the anonymous tags (which carry their type for the coder) hold no reference to this
  // transform.
  private static TupleTag<Trial> promotedTag() {
    return new TupleTag<>() {};
  }

  private static TupleTag<TrialResult> leftTag() {
    return new TupleTag<>() {};
  }

  private PCollectionList<TrialResult> rounds(Bracket b, PCollection<Trial> start) {
    PCollectionList<TrialResult> done = PCollectionList.empty(start.getPipeline());
    PCollection<Trial> current = start;
    for (int i = 0; i < b.rungs().size(); i++) {
      Rung round = b.rungs().get(i);
      if (i > 0) {
        var earlier =
            done.apply("Round" + i + "Earlier", Flatten.pCollections())
                .apply("Round" + i + "View", View.asList());
        current =
            start
                .getPipeline()
                .apply("Round" + i + "Start", Create.of(i))
                .apply(
                    "Round" + i + "Propose",
                    ParDo.of(new ProposeFn(space(), objectives(), round.trials(), earlier))
                        .withSideInputs(earlier));
      }
      done = done.and(current.apply("Round" + i + "Train", runner().forRung(round)));
    }
    return done;
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    Schedule schedule = schedule();
    builder
        .add(DisplayData.item("study", space().study()))
        .add(DisplayData.item("algorithm", schedule.algorithm()))
        .add(DisplayData.item("shape", schedule.shape().name().toLowerCase(java.util.Locale.ROOT)))
        .add(DisplayData.item("brackets", schedule.brackets().size()))
        .add(DisplayData.item("trials", schedule.trials()))
        .add(DisplayData.item("modelEpochs", schedule.modelEpochs()))
        .add(DisplayData.item("objective", objectives().describe()));
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setSpace(SearchSpace v);

    abstract Builder setObjectives(Objectives v);

    abstract Builder setRunner(RungRunner v);

    abstract RunSchedule build();
  }
}
