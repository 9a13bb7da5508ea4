package dev.tunebeam.pipeline.study;

import dev.tunebeam.pipeline.SearchOptions;
import dev.tunebeam.pipeline.SearchPipeline;
import dev.tunebeam.transforms.dispatch.BackendRule;
import dev.tunebeam.transforms.exec.StudyFigures;
import dev.tunebeam.transforms.local.TrainLocally;
import dev.tunebeam.transforms.results.RankTrials;
import dev.tunebeam.transforms.results.WriteLeaderboard;
import dev.tunebeam.transforms.run.StudyRun;
import dev.tunebeam.transforms.search.RunSchedule;
import dev.tunebeam.transforms.search.RungRunner;
import dev.tunebeam.transforms.search.Schedule;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.StoppingRule;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.warm.WarmStart;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.PCollection;

/**
 * The pipeline of an adaptive study ({@code algorithm: halving | hyperband | tpe | gp}): the
 * schedule unrolled into rungs or rounds, each run on the backends {@code --backend} picks, then
 * one leaderboard of every trial, completed first. A study with a warm start or a {@code stopping:}
 * rule runs here too, one shot or not: its reused rows join the leaderboard beside the trained
 * ones, and its trials train in stopping stages.
 */
public final class Scheduled {
  private Scheduled() {}

  public static void build(
      Pipeline p,
      SearchOptions options,
      SearchSpace space,
      Objectives objectives,
      BackendRule rule,
      TrainLocally local,
      StudyRun budget,
      WarmStart warm,
      StoppingRule stopping) {
    Schedule schedule = Schedule.of(space);
    if (schedule.trials() > options.getMaxTrials()) {
      throw new IllegalArgumentException(
          "search space "
              + space.study()
              + " schedules "
              + schedule.trials()
              + " trials, more than maxTrials "
              + options.getMaxTrials()
              + "; raise --maxTrials or narrow the space");
    }
    if (SearchPipeline.submitsOnly(options, rule) && stopping != null) {
      throw new IllegalArgumentException(
          "--waitForCompletion=false cannot run a study with stopping: each stopping stage needs"
              + " the results of the one before; drop the flag");
    }
    if (SearchPipeline.submitsOnly(options, rule) && !schedule.adaptive()) {
      throw new IllegalArgumentException(
          "--waitForCompletion=false cannot run a study with warm_start: its known points and"
              + " reused rows belong in the leaderboard the run writes; drop the flag");
    }
    if (SearchPipeline.submitsOnly(options, rule)) {
      throw new IllegalArgumentException(
          "--waitForCompletion=false cannot run algorithm "
              + space.algorithm().key()
              + ": each rung or round needs the results of the one before; drop the flag");
    }
    // One transform serves every rung: a local trial's folder, and a Vertex job's rung label, come
    // from the trial itself.
    RungRunner runner = RungRunner.always(Backends.runTrials(options, space, rule, local, budget));
    PCollection<TrialResult> results =
        p.apply(
            "RunSchedule",
            RunSchedule.of(space, objectives, runner).withWarmStart(warm).withStopping(stopping));
    results
        .apply("RankTrials", RankTrials.by(objectives))
        .apply(
            "WriteLeaderboard",
            WriteLeaderboard.to(options.getOutput())
                .withStudy(space.study())
                .withRunFigures(StudyFigures.of(budget)));
  }
}
