package dev.tunebeam.transforms.exec;

import dev.tunebeam.transforms.study.Trial;
import java.util.List;

/**
 * A group waiting in a run's queue: the executor instance that runs it (opened by the stage that
 * queued it), the stage its results go back to, its work, and the order it was queued in. The queue
 * hands out the longest first, and among equals the earliest.
 */
record QueuedGroup(TrialExecutor executor, Stage stage, List<Trial> trials, double work, long seq)
    implements Comparable<QueuedGroup> {
  QueuedGroup {
    trials = List.copyOf(trials);
  }

  static QueuedGroup of(TrialExecutor executor, Stage stage, List<Trial> trials, long seq) {
    double work = 0;
    for (Trial t : trials) {
      work += executor.work(t);
    }
    return new QueuedGroup(executor, stage, trials, work, seq);
  }

  @Override
  public int compareTo(QueuedGroup o) {
    int byWork = Double.compare(o.work, work);
    return byWork != 0 ? byWork : Long.compare(seq, o.seq);
  }
}
