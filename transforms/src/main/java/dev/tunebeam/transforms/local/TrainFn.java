package dev.tunebeam.transforms.local;

import dev.tunebeam.transforms.results.TrialResult;
import dev.tunebeam.transforms.results.TrialStatus;
import dev.tunebeam.transforms.space.Trial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;

/** Trains one lane's groups, one after another. */
final class TrainFn extends DoFn<Iterable<PlannedGroup>, TrialResult> {
  private final LocalSettings settings;
  private final Counter started = Metrics.counter(TrainLocally.class, "trials_started");
  private final Counter succeeded = Metrics.counter(TrainLocally.class, "trials_succeeded");
  private final Counter failed = Metrics.counter(TrainLocally.class, "trials_failed");
  private static final Counter epochs =
      Metrics.counter(TrainLocally.class, "model_epochs_completed");

  private transient ProgressLog progress;

  TrainFn(LocalSettings settings) {
    this.settings = settings;
  }

  @Setup
  public void setup() {
    progress = ProgressLog.of(settings.run());
  }

  @ProcessElement
  public void process(@Element Iterable<PlannedGroup> lane, OutputReceiver<TrialResult> out)
      throws InterruptedException {
    List<PlannedGroup> inOrder = new ArrayList<>();
    lane.forEach(inOrder::add);
    // In the plan's order: a group on every core comes after the narrow ones it waits for.
    inOrder.sort(Comparator.comparingInt(PlannedGroup::order));
    for (PlannedGroup group : inOrder) {
      train(group, out);
    }
  }

  private void train(PlannedGroup group, OutputReceiver<TrialResult> out)
      throws InterruptedException {
    List<TrialResult> results =
        settings.program().isBuiltIn()
            ? new GroupTrainer(settings, this::workerLine, this::started)
                .train(group.trials(), group.width())
            : new ProgramTrainer(settings, this::workerLine, this::started).train(group.trials());
    for (TrialResult r : results) {
      if (r.succeeded()) {
        succeeded.inc();
      } else if (r.status() != TrialStatus.SKIPPED) {
        failed.inc();
      }
      progress.finished(r);
      out.output(r);
    }
  }

  private void started(List<Trial> group) {
    started.inc(group.size());
    progress.started(group);
  }

  private void workerLine(String line) {
    if (progress.workerLine(line)) {
      epochs.inc();
    }
  }
}
