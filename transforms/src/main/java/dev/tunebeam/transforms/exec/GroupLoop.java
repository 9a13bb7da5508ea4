package dev.tunebeam.transforms.exec;

import dev.tunebeam.transforms.results.FailureBudget;
import dev.tunebeam.transforms.run.CoreUsage;
import dev.tunebeam.transforms.run.StudyRun;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What happens around every group, whichever executor runs it, written once: the run's failure
 * budget (once it is spent, a group is not started and its trials become SKIPPED rows), progress
 * lines and counters, the lanes' core usage, the live results, and the rule that every member ends
 * as exactly one row: a result, or a retry alone, or a FAILED row with the reason when the executor
 * threw or forgot a member.
 */
final class GroupLoop {
  static final String STARTED = "trials_started";
  static final String SUCCEEDED_COUNTER = "trials_succeeded";
  static final String FAILED = "trials_failed";
  static final String SKIPPED_COUNTER = "trials_skipped";
  static final String EPOCHS_COUNTER = "model_epochs_completed";

  private final StudyRun run;
  private final int threadsPerLane;
  private final ProgressLog progress;

  GroupLoop(StudyRun run, int threadsPerLane) {
    this.run = run;
    this.threadsPerLane = threadsPerLane;
    this.progress = ProgressLog.of(run);
  }

  /** Runs one group a lane took, and hands each member's result to its stage. */
  void run(QueuedGroup g, Lane lane, RunQueue queue) {
    TrialExecutor executor = g.executor();
    FailureBudget budget = run.failureBudget();
    Optional<LiveResults> live = g.stage().live();
    if (budget.exhausted()) {
      for (Trial t : g.trials()) {
        end(g, TrialResult.skipped(t, executor.backend(), budget.skipReason()), live);
      }
      return;
    }
    progress.started(g.trials());
    count(g, STARTED, g.trials().size());
    live.ifPresent(l -> l.running(g.trials(), executor.backend()));
    // Lanes that only wait for work elsewhere (cloud jobs) use no core here.
    CoreUsage usage = threadsPerLane > 0 ? run.usage() : null;
    if (usage != null) {
      usage.start(threadsPerLane);
    }
    TrialExecutor.Outcome outcome;
    BorrowingLane borrowing = new BorrowingLane(lane, usage);
    try {
      outcome = executor.run(g.trials(), borrowing);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome = failAll(g, "interrupted before it ended (the pipeline was cancelled)");
    } catch (Exception | LinkageError | OutOfMemoryError | StackOverflowError e) {
      // The stage waits for a row per trial: an executor that throws fails its group, never the
      // lane.
      outcome =
          failAll(
              g,
              executor.backend()
                  + " executor failed: "
                  + e.getClass().getSimpleName()
                  + ": "
                  + e.getMessage());
    } finally {
      borrowing.giveBack();
      if (usage != null) {
        usage.stop(threadsPerLane);
      }
    }
    Set<String> accounted = new HashSet<>();
    List<TrialResult> results = new ArrayList<>(outcome.results());
    outcome.results().forEach(r -> accounted.add(r.trial().id()));
    outcome.retryAlone().forEach(t -> accounted.add(t.id()));
    for (Trial t : g.trials()) {
      if (!accounted.contains(t.id())) {
        results.add(
            TrialResult.failed(
                t,
                executor.backend(),
                "the " + executor.backend() + " executor returned no result for this trial",
                0,
                null));
      }
    }
    for (TrialResult r : results) {
      if (r.status() == TrialStatus.FAILED) {
        // Counted before the lane takes its next group, so that group already sees it.
        budget.recordFailure();
      }
    }
    List<Trial> again = outcome.retryAlone();
    boolean retry = !again.isEmpty() && g.trials().size() > 1;
    if (retry) {
      progress.requeued(again.size());
      queue.retry(g, again);
    }
    // Free before the stage hears of its last rows, so the next stage's groups see this lane idle
    // (Lane#idleLanes), and after any retry is queued, so no group takes the cores it needs.
    queue.finished(lane.index());
    for (TrialResult r : results) {
      end(g, r, live);
    }
    if (!retry) {
      // A lone trial cannot be retried alone: it failed.
      for (Trial t : again) {
        budget.recordFailure();
        end(
            g,
            TrialResult.failed(
                t, executor.backend(), "failed and cannot be retried alone", 0, null),
            live);
      }
    }
  }

  /**
   * A trainer's output line: a progress line goes to {@code lane} (so the lane's pace is current
   * when the line's ETA is computed) and then to the log; the rest go to DEBUG.
   */
  void line(String line, Consumer<StudyProgress.EpochReport> lane) {
    Optional<StudyProgress.EpochReport> epoch = progress.parse(line);
    if (epoch.isEmpty()) {
      progress.chatter(line);
      return;
    }
    lane.accept(epoch.get());
    progress.epoch(epoch.get());
  }

  private void end(QueuedGroup g, TrialResult r, Optional<LiveResults> live) {
    try {
      count(
          g,
          switch (r.status()) {
            case SUCCEEDED, STOPPED -> SUCCEEDED_COUNTER;
            case SKIPPED -> SKIPPED_COUNTER;
            default -> FAILED;
          },
          1);
      progress.finished(r);
      live.ifPresent(l -> l.finished(r));
    } finally {
      g.stage().deliver(r);
    }
  }

  private void count(QueuedGroup g, String name, long n) {
    g.stage().count(g.executor().metricsNamespace(), name, n);
  }

  private static TrialExecutor.Outcome failAll(QueuedGroup g, String why) {
    List<TrialResult> failed = new ArrayList<>();
    for (Trial t : g.trials()) {
      failed.add(TrialResult.failed(t, g.executor().backend(), why, 0, null));
    }
    return TrialExecutor.Outcome.of(failed);
  }

  /** The lane as the executor sees it, counting the cores its group borrows from idle lanes. */
  private final class BorrowingLane implements Lane {
    private final Lane lane;
    private final CoreUsage usage;
    private int borrowedThreads;

    BorrowingLane(Lane lane, CoreUsage usage) {
      this.lane = lane;
      this.usage = usage;
    }

    @Override
    public int index() {
      return lane.index();
    }

    @Override
    public void line(String line) {
      lane.line(line);
    }

    @Override
    public void count(String name, long n) {
      lane.count(name, n);
    }

    @Override
    public int idleLanes() {
      return lane.idleLanes();
    }

    @Override
    public void borrow(int lanes) {
      if (usage != null && lanes > 0) {
        usage.adjust(lanes * threadsPerLane);
        borrowedThreads += lanes * threadsPerLane;
      }
    }

    void giveBack() {
      if (borrowedThreads > 0) {
        usage.adjust(-borrowedThreads);
        borrowedThreads = 0;
      }
    }
  }
}
