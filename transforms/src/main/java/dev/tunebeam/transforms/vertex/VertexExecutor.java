package dev.tunebeam.transforms.vertex;

import dev.tunebeam.transforms.exec.Lane;
import dev.tunebeam.transforms.exec.TrialExecutor;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Vertex AI as a {@link TrialExecutor}: each trial is a CustomJob of the trainer container,
 * submitted (or attached to, when a job for the trial exists), polled until it ends, and read back.
 * Its lanes only wait, so they count for no cores here; there are {@code maxParallelTrials} of
 * them, in one JVM (one share), which bounds the jobs in flight across the whole pipeline.
 */
final class VertexExecutor implements TrialExecutor {
  private static final long serialVersionUID = 1L;

  private final VertexSettings settings;
  private transient VertexJobRunner runner;

  VertexExecutor(VertexSettings settings) {
    this.settings = settings;
  }

  @Override
  public String backend() {
    return SubmitToVertex.BACKEND;
  }

  @Override
  public int lanes() {
    return settings.maxParallelTrials();
  }

  @Override
  public String metricsNamespace() {
    return SubmitToVertex.class.getName();
  }

  @Override
  public void open() {
    runner = VertexJobRunner.open(settings);
  }

  @Override
  public void close() {
    if (runner != null) {
      runner.close();
      runner = null;
    }
  }

  @Override
  public Outcome run(List<Trial> group, Lane lane) {
    List<TrialResult> results = new ArrayList<>();
    for (Trial trial : group) {
      TrialResult result;
      try {
        VertexSubmission submission = runner.submit(trial);
        lane.count(submission.created() ? "submitted" : "attached", 1);
        result = runner.await(submission);
      } catch (VertexCallException e) {
        result = TrialResult.failed(trial, backend(), e.getMessage(), 0, null);
      }
      results.add(result);
    }
    return Outcome.of(results);
  }
}
