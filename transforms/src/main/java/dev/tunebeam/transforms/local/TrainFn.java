package dev.tunebeam.transforms.local;

import dev.tunebeam.transforms.results.TrialResult;
import dev.tunebeam.transforms.results.TrialStatus;
import dev.tunebeam.transforms.space.Trial;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;

/** Trains one lane's groups, one after another. */
final class TrainFn extends DoFn<Iterable<List<Trial>>, TrialResult> {
  private final LocalSettings settings;
  private final Counter started = Metrics.counter(TrainLocally.class, "trials_started");
  private final Counter succeeded = Metrics.counter(TrainLocally.class, "trials_succeeded");
  private final Counter failed = Metrics.counter(TrainLocally.class, "trials_failed");
  private static final Counter epochs = Metrics.counter(TrainLocally.class, "model_epochs_completed");

  private transient ProgressLog progress;

  TrainFn(LocalSettings settings) {
    this.settings = settings;
  }

  @Setup
  public void setup() {
    progress = ProgressLog.of(settings.run());
  }

  @ProcessElement
  public void process(@Element Iterable<List<Trial>> lane, OutputReceiver<TrialResult> out) throws InterruptedException {
    for (List<Trial> group : lane) {
      train(group, out);
    }
  }

  private void train(List<Trial> group, OutputReceiver<TrialResult> out) throws InterruptedException {
    List<TrialResult> results = settings.program().isBuiltIn()
        ? new GroupTrainer(settings, this::workerLine, this::started).train(group)
        : new ProgramTrainer(settings, this::workerLine, this::started).train(group);
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
