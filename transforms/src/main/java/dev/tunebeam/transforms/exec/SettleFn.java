package dev.tunebeam.transforms.exec;

import dev.tunebeam.transforms.run.StudyRun;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import java.util.Optional;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Trials the executor settles before anything runs leave at once: a refused one is a FAILED row
 * (and counts against the failure budget), a reused one its earlier result; the rest go on.
 */
final class SettleFn extends DoFn<Trial, Trial> {
  private final TrialExecutor executor;
  private final StudyRun run;
  private final TupleTag<Trial> toRun;
  private final TupleTag<TrialResult> settled;
  private transient boolean direct;

  SettleFn(
      TrialExecutor executor, StudyRun run, TupleTag<Trial> toRun, TupleTag<TrialResult> settled) {
    this.executor = executor;
    this.run = run;
    this.toRun = toRun;
    this.settled = settled;
  }

  @StartBundle
  public void startBundle(StartBundleContext c) {
    direct = RunShareFn.onDirectRunner(c.getPipelineOptions());
  }

  @ProcessElement
  public void process(@Element Trial trial, MultiOutputReceiver out) {
    Optional<TrialResult> early = executor.settle(trial);
    if (early.isEmpty()) {
      out.get(toRun).output(trial);
      return;
    }
    TrialResult r = early.get();
    if (r.status() == TrialStatus.FAILED) {
      run.failureBudget().recordFailure();
      Metrics.counter(executor.metricsNamespace(), GroupLoop.FAILED).inc();
    } else {
      Metrics.counter(executor.metricsNamespace(), "trials_resumed").inc();
    }
    if (direct) {
      LiveResults.of(run).ifPresent(l -> l.finished(r));
    }
    out.get(settled).output(r);
  }
}
