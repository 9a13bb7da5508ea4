package dev.tunebeam.transforms.search;

import dev.tunebeam.transforms.results.Objective;
import dev.tunebeam.transforms.results.ToList;
import dev.tunebeam.transforms.results.TrialResult;
import dev.tunebeam.transforms.space.Algorithm;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.Trial;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * An adaptive search ({@code halving}, {@code hyperband}, {@code tpe}) unrolled into a fixed DAG
 * when the pipeline is built: every size is known in advance ({@link Schedule}), so the same space
 * and seed give the same promotions on any runner, and a retried bundle changes nothing. Emits one
 * row per trial: the top rung's SUCCEEDED rows, STOPPED rows for trials a rung did not promote,
 * FAILED rows as they came.
 *
 * <pre>{@code
 * PCollection<TrialResult> results = p.apply(RunSchedule.of(space, objective, RungRunner.always(TrainLocally.to(out))));
 * }</pre>
 *
 * Halving: rung results are gathered into one list (the barrier), ranked, and the best 1/eta go on,
 * continuing from their checkpoints. Hyperband: one such bracket per starting budget, side by side,
 * flattened. TPE: round {@code k} reads every earlier round's results as a side input.
 */
public final class RunSchedule extends PTransform<PBegin, PCollection<TrialResult>> {
  private final SearchSpace space;
  private final Objective objective;
  private final RungRunner runner;
  private final Schedule schedule;

  private RunSchedule(SearchSpace space, Objective objective, RungRunner runner) {
    this.space = space;
    this.objective = objective;
    this.runner = runner;
    this.schedule = Schedule.of(space);
  }

  /** Throws IllegalArgumentException now, naming the field, for a schedule that cannot run. */
  public static RunSchedule of(SearchSpace space, Objective objective, RungRunner runner) {
    if (!space.algorithm().adaptive()) {
      throw new IllegalArgumentException(
          "algorithm "
              + space.algorithm().key()
              + " is not a schedule; use ExpandSearchSpace and RunTrials");
    }
    return new RunSchedule(space, objective, runner);
  }

  public Schedule schedule() {
    return schedule;
  }

  /**
   * The trials of each bracket's first rung (TPE: its random round 0), checked against the trainer.
   */
  public List<List<Trial>> firstTrials() {
    List<List<Trial>> out = new ArrayList<>();
    for (Bracket b : schedule.brackets()) {
      Rung first = b.rungs().get(0);
      List<Trial> points =
          switch (space.algorithm()) {
            case HALVING -> space.basePoints();
            case HYPERBAND -> bracketPoints(b, first.trials());
            default -> space.randomTrials(first.trials(), space.seed());
          };
      space.checkAll(points);
      out.add(points.stream().map(t -> RungResults.atEpochs(t, first.epochs())).toList());
    }
    return out;
  }

  /**
   * A Hyperband bracket's own random points; the bracket is part of the id, so a point drawn twice
   * trains in two folders.
   */
  private List<Trial> bracketPoints(Bracket b, int count) {
    return space.randomTrials(count, space.seed() + b.index()).stream()
        .map(
            t ->
                new Trial(
                    Trial.idOf(space.study() + "-bracket" + b.index(), t.parameters()),
                    t.study(),
                    t.parameters()))
        .toList();
  }

  @Override
  public PCollection<TrialResult> expand(PBegin begin) {
    List<List<Trial>> first = firstTrials();
    PCollectionList<TrialResult> all = PCollectionList.empty(begin.getPipeline());
    for (int i = 0; i < schedule.brackets().size(); i++) {
      Bracket b = schedule.brackets().get(i);
      PCollection<Trial> start =
          begin.apply("Bracket" + b.index() + "Trials", Create.of(first.get(i)));
      all =
          all.and(
              (space.algorithm() == Algorithm.TPE ? rounds(b, start) : halving(b, start)).getAll());
    }
    return all.apply("AllRungs", Flatten.pCollections());
  }

  private PCollectionList<TrialResult> halving(Bracket b, PCollection<Trial> start) {
    PCollectionList<TrialResult> out = PCollectionList.empty(start.getPipeline());
    PCollection<Trial> current = start;
    for (int i = 0; i < b.rungs().size(); i++) {
      Rung rung = b.rungs().get(i);
      PCollection<TrialResult> results = current.apply(rung.name() + "Train", runner.forRung(rung));
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
                  ParDo.of(new PromoteFn(rung, b.rungs().get(i + 1), objective, promoted, left))
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
                    ParDo.of(new ProposeFn(space, objective, round.trials(), earlier))
                        .withSideInputs(earlier));
      }
      done = done.and(current.apply("Round" + i + "Train", runner.forRung(round)));
    }
    return done;
  }
}
