package dev.tunebeam.transforms.search;

import com.google.auto.value.AutoValue;
import dev.tunebeam.transforms.results.ToList;
import dev.tunebeam.transforms.search.stopping.StoppingPlan;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.StoppingRule;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.warm.WarmStart;
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
import org.checkerframework.checker.nullness.qual.Nullable;

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
 * the algorithm's {@link Proposer} for its points. With a stopping rule ({@link #withStopping}) a
 * one-shot stage, or each round, trains in stopping stages ({@link StoppingStages}).
 */
@AutoValue
@Internal
public abstract class RunSchedule extends PTransform<PBegin, PCollection<TrialResult>> {
  private static final long serialVersionUID = 1L;

  public abstract SearchSpace space();

  /** What rungs are ranked by (Pareto front with several) and proposers read. */
  public abstract Objectives objectives();

  public abstract RungRunner runner();

  /** The early-stopping rule, if any; null for none. */
  public abstract @Nullable StoppingRule stopping();

  /** What the study knows before it trains; {@link WarmStart#NONE} unless given. */
  public abstract WarmStart warmStart();

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
        .setWarmStart(WarmStart.NONE)
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

  /**
   * Stops trials early by {@code rule} (null: none): a grid or random study, or each TPE/GP round,
   * trains to each decision epoch together and the rule stops some; throws IllegalArgumentException
   * now, naming the field, for a rule this study cannot use ({@link StoppingPlan#of}).
   */
  public RunSchedule withStopping(StoppingRule rule) {
    if (rule != null) {
      StoppingPlan.of(space(), rule, objectives());
    }
    return toBuilder().setStopping(rule).build();
  }

  /** The stopping rule checked against this study; empty without one. */
  public java.util.Optional<StoppingPlan> stoppingPlan() {
    return java.util.Optional.ofNullable(stopping())
        .map(r -> StoppingPlan.of(space(), r, objectives()));
  }

  /**
   * Starts from what is known ({@link WarmStages}): known points first, earlier answers as finished
   * trials of rounds, reused rows in a one-shot study. Throws IllegalArgumentException, naming the
   * field, where this schedule cannot take it.
   */
  public RunSchedule withWarmStart(WarmStart warm) {
    WarmStart w = warm == null ? WarmStart.NONE : warm;
    WarmStages.check(space(), schedule(), w);
    RunSchedule next = toBuilder().setWarmStart(w).build();
    next.firstStages(next.schedule());
    return next;
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
    return firstStages(schedule).stream().map(WarmStages.FirstStage::train).toList();
  }

  /**
   * Rows a warm start copies from earlier studies instead of training them (reuse in a one-shot
   * study); empty otherwise.
   */
  public List<TrialResult> reusedResults() {
    return firstStages(schedule()).stream().flatMap(s -> s.reused().stream()).toList();
  }

  private List<WarmStages.FirstStage> firstStages(Schedule schedule) {
    List<WarmStages.FirstStage> out = new ArrayList<>();
    for (Bracket b : schedule.brackets()) {
      Rung first = b.rungs().get(0);
      WarmStages.FirstStage stage =
          WarmStages.first(space(), objectives(), schedule, b, warmStart());
      space().checkAll(stage.train());
      out.add(
          schedule.adaptive()
              ? new WarmStages.FirstStage(
                  stage.train().stream().map(t -> RungResults.atEpochs(t, first.epochs())).toList(),
                  stage.reused())
              : stage);
    }
    return out;
  }

  @Override
  public PCollection<TrialResult> expand(PBegin begin) {
    Schedule schedule = schedule();
    List<WarmStages.FirstStage> stages = firstStages(schedule);
    List<List<Trial>> first = stages.stream().map(WarmStages.FirstStage::train).toList();
    PCollectionList<TrialResult> all = PCollectionList.empty(begin.getPipeline());
    List<TrialResult> reused = stages.stream().flatMap(s -> s.reused().stream()).toList();
    if (!reused.isEmpty()) {
      all =
          all.and(
              begin.apply(
                  "ReusedRows",
                  Create.of(reused).withCoder(SerializableCoder.of(TrialResult.class))));
    }
    for (int i = 0; i < schedule.brackets().size(); i++) {
      Bracket b = schedule.brackets().get(i);
      PCollection<Trial> start =
          begin.apply(
              "Bracket" + b.index() + "Trials",
              Create.of(first.get(i)).withCoder(SerializableCoder.of(Trial.class)));
      PCollectionList<TrialResult> bracket =
          switch (schedule.shape()) {
            case ONE_SHOT -> oneStage(b.rungs().get(0).name(), b.rungs().get(0), start);
            case RUNGS -> rungs(b, start);
            case ROUNDS -> rounds(b, start);
          };
      all = all.and(bracket.getAll());
    }
    return all.apply("AllRungs", Flatten.pCollections());
  }

  /** A one-shot stage or a round: trained at once, or in stopping stages with a rule. */
  private PCollectionList<TrialResult> oneStage(
      String prefix, Rung stage, PCollection<Trial> trials) {
    java.util.Optional<StoppingPlan> plan = stoppingPlan();
    return plan.isEmpty()
        ? PCollectionList.of(trials.apply(prefix + "Train", runner().forRung(stage)))
        : StoppingStages.expand(prefix, stage, trials, plan.get(), objectives(), runner());
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
                    ParDo.of(
                            new ProposeFn(
                                space(),
                                objectives(),
                                round.trials(),
                                earlier,
                                warmStart().answered()))
                        .withSideInputs(earlier));
      }
      done = done.and(oneStage("Round" + i, round, current).getAll());
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
        .add(DisplayData.item("objective", objectives().describe()))
        .add(DisplayData.item("warmStartPoints", warmStart().points().size()))
        .add(DisplayData.item("warmStartAnswered", warmStart().answered().size()))
        .add(DisplayData.item("warmStartReuse", warmStart().reuse()));
    if (stopping() != null) {
      builder.add(DisplayData.item("stopping", stopping().describe()));
    }
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setSpace(SearchSpace v);

    abstract Builder setObjectives(Objectives v);

    abstract Builder setRunner(RungRunner v);

    abstract Builder setStopping(@Nullable StoppingRule v);

    abstract Builder setWarmStart(WarmStart v);

    abstract RunSchedule build();
  }
}
