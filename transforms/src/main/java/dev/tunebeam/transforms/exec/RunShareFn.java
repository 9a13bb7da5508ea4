package dev.tunebeam.transforms.exec;

import dev.tunebeam.transforms.run.StudyRun;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * One share of a stage: puts its groups into the run's queue in this JVM, then emits each result
 * and adds each count as the lanes hand them back (on this thread, which Beam's outputs and
 * counters need). On the DirectRunner a share that ends while other stages of the run still run
 * holds its runner thread until the run is quiet ({@link RunActivity}): a thread it freed would be
 * a core the runner's driver spends polling.
 */
final class RunShareFn extends DoFn<KV<Integer, Iterable<TrialGroup>>, TrialResult> {
  /** How long a finished stage waits for the next stage of the run before letting go. */
  static final Duration HOLD_GRACE = Duration.ofSeconds(2);

  private final TrialExecutor executor;
  private final StudyRun run;
  private transient boolean direct;

  RunShareFn(TrialExecutor executor, StudyRun run) {
    this.executor = executor;
    this.run = run;
  }

  static boolean onDirectRunner(PipelineOptions options) {
    return options.getRunner() != null && options.getRunner().getName().contains("DirectRunner");
  }

  @Setup
  public void setup() {
    executor.open();
  }

  @Teardown
  public void teardown() {
    executor.close();
  }

  @StartBundle
  public void startBundle(StartBundleContext c) {
    direct = onDirectRunner(c.getPipelineOptions());
  }

  @ProcessElement
  public void process(
      @Element KV<Integer, Iterable<TrialGroup>> share, OutputReceiver<TrialResult> out)
      throws InterruptedException {
    List<List<Trial>> groups = new ArrayList<>();
    int trials = 0;
    for (TrialGroup g : share.getValue()) {
      groups.add(g.trials());
      trials += g.trials().size();
    }
    RunQueue queue = RunQueue.of(run, executor);
    RunActivity activity = RunActivity.of(run);
    LiveResults live = direct ? LiveResults.of(run).orElse(null) : null;
    Stage stage = new Stage(trials, live);
    activity.stageStarted();
    boolean othersRunning;
    try {
      if (live != null) {
        groups.forEach(g -> live.queued(g, executor.backend()));
      }
      queue.offer(executor, stage, groups);
      while (!stage.over()) {
        Stage.Event e = stage.take();
        if (e instanceof Stage.Result r) {
          out.output(r.result());
        } else if (e instanceof Stage.Count c) {
          Metrics.counter(c.namespace(), c.name()).inc(c.n());
        }
      }
    } catch (InterruptedException e) {
      queue.cancel(stage);
      throw e;
    } finally {
      othersRunning = activity.stageEnded();
    }
    if (live != null) {
      live.flush();
    }
    if (direct && othersRunning) {
      activity.awaitQuiet(HOLD_GRACE);
    }
  }
}
