package dev.tunebeam.transforms.search;

import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.warm.WarmStart;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.annotations.Internal;

/**
 * A schedule run stage after stage in this JVM, without a pipeline: the stages {@link RunSchedule}
 * lays out as a Beam graph, decided by the same code ({@link RunSchedule#firstStage}, {@link
 * PromoteFn#split}, {@link Proposals#propose}, {@link RungResults#atEpochs}), each stage's trials
 * handed to a {@link StageTrainer} and its results taken straight back. It exists for replays
 * ({@code simulate}), where a trial is a lookup and starting a pipeline would cost more than the
 * whole study. {@code ReplayMatchesPipelineTest} runs every registered algorithm both ways on the
 * same recording and compares the rows, so a stage that RunSchedule gains and this class does not
 * follow fails there.
 */
@Internal
public final class ScheduleWalk {
  private ScheduleWalk() {}

  /** What trains one stage: a result for each trial, in the trials' order. */
  @FunctionalInterface
  public interface StageTrainer {
    List<TrialResult> train(Rung stage, List<Trial> trials);
  }

  /** A stage as it ran: its rung or round, the trials in the order given, their results. */
  public record Stage(Rung rung, List<Trial> trials, List<TrialResult> results) {
    public Stage {
      trials = List.copyOf(trials);
      results = List.copyOf(results);
    }
  }

  /**
   * Every stage in the order the walk trained them (brackets one after another), and the rows the
   * pipeline would emit: one per trial, STOPPED where a rung did not promote it.
   */
  public record Walked(Schedule schedule, List<Stage> stages, List<TrialResult> rows) {
    public Walked {
      stages = List.copyOf(stages);
      rows = List.copyOf(rows);
    }
  }

  /**
   * The space's schedule, ranked (rungs) and proposed from (rounds) by {@code objectives}; throws
   * IllegalArgumentException, naming the field, for a schedule that cannot run.
   */
  public static Walked walk(SearchSpace space, Objectives objectives, StageTrainer trainer) {
    return walk(space, objectives, WarmStart.NONE, trainer);
  }

  /**
   * With a warm start, as {@link RunSchedule#withWarmStart}: known points first, reused rows copied
   * (no stage trains them), earlier answers read by every round's proposer.
   */
  public static Walked walk(
      SearchSpace space, Objectives objectives, WarmStart warm, StageTrainer trainer) {
    Schedule schedule = Schedule.of(space);
    WarmStages.check(space, schedule, warm);
    List<Stage> stages = new ArrayList<>();
    List<TrialResult> rows = new ArrayList<>();
    for (Bracket b : schedule.brackets()) {
      WarmStages.FirstStage stage = RunSchedule.firstStage(space, objectives, schedule, b, warm);
      rows.addAll(stage.reused());
      List<Trial> first = stage.train();
      switch (schedule.shape()) {
        case ONE_SHOT -> rows.addAll(train(trainer, b.rungs().get(0), first, stages));
        case RUNGS -> rows.addAll(rungs(trainer, objectives, b, first, stages));
        case ROUNDS -> rows.addAll(rounds(space, objectives, warm, trainer, b, first, stages));
      }
    }
    return new Walked(schedule, stages, rows);
  }

  private static List<TrialResult> train(
      StageTrainer trainer, Rung rung, List<Trial> trials, List<Stage> stages) {
    List<TrialResult> results = trainer.train(rung, trials);
    if (results.size() != trials.size()) {
      throw new IllegalStateException(
          rung.name() + ": " + trials.size() + " trials gave " + results.size() + " results");
    }
    stages.add(new Stage(rung, trials, results));
    return results;
  }

  /** As RunSchedule's rungs: rank each rung as of its epoch, promote the best, stop the rest. */
  private static List<TrialResult> rungs(
      StageTrainer trainer,
      Objectives objectives,
      Bracket b,
      List<Trial> start,
      List<Stage> stages) {
    List<TrialResult> out = new ArrayList<>();
    List<Trial> current = start;
    for (int i = 0; i < b.rungs().size(); i++) {
      Rung rung = b.rungs().get(i);
      List<TrialResult> results = train(trainer, rung, current, stages);
      if (i == b.rungs().size() - 1) {
        out.addAll(results);
        break;
      }
      Rung next = b.rungs().get(i + 1);
      PromoteFn.Split split = PromoteFn.split(results, rung.epochs(), next.trials(), objectives);
      out.addAll(split.left());
      current = split.promoted().stream().map(t -> RungResults.atEpochs(t, next.epochs())).toList();
    }
    return out;
  }

  /** As RunSchedule's rounds: round k proposes from every earlier round's results. */
  private static List<TrialResult> rounds(
      SearchSpace space,
      Objectives objectives,
      WarmStart warm,
      StageTrainer trainer,
      Bracket b,
      List<Trial> start,
      List<Stage> stages) {
    List<TrialResult> done = new ArrayList<>();
    for (int i = 0; i < b.rungs().size(); i++) {
      Rung round = b.rungs().get(i);
      List<Trial> current = start;
      if (i > 0) {
        // A proposer per round, as ProposeFn makes one where the round runs.
        Proposer proposer = SearchAlgorithms.of(space).proposer(space).orElseThrow();
        // As ProposeFn: the warm start's earlier answers, then every earlier round's results.
        List<TrialResult> finished = new ArrayList<>(warm.answered());
        finished.addAll(done);
        current = Proposals.propose(space, objectives, proposer, finished, round.trials(), i);
      }
      done.addAll(train(trainer, round, current, stages));
    }
    return done;
  }
}
