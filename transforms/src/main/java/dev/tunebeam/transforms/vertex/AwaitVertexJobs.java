package dev.tunebeam.transforms.vertex;

import dev.tunebeam.transforms.study.TrialResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Waits for jobs submitted earlier and reads their results (from {@link SubmitToVertex#collect()}):
 * the second half of an asynchronous run. Only polling happens here, so nothing is capped.
 */
public final class AwaitVertexJobs
    extends PTransform<PCollection<VertexSubmission>, PCollection<TrialResult>> {
  private final VertexSettings settings;

  AwaitVertexJobs(VertexSettings settings) {
    this.settings = settings;
  }

  @Override
  public PCollection<TrialResult> expand(PCollection<VertexSubmission> submissions) {
    return submissions.apply("Await", ParDo.of(new AwaitFn(settings)));
  }

  static final class AwaitFn extends VertexRunnerFn<VertexSubmission, TrialResult> {
    private final Counter succeeded = Metrics.counter(SubmitToVertex.class, "succeeded");
    private final Counter failed = Metrics.counter(SubmitToVertex.class, "failed");

    AwaitFn(VertexSettings settings) {
      super(settings);
    }

    @ProcessElement
    public void process(@Element VertexSubmission submission, OutputReceiver<TrialResult> out) {
      TrialResult r = runner().await(submission);
      (r.succeeded() ? succeeded : failed).inc();
      out.output(r);
    }
  }
}
