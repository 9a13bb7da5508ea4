package dev.tunebeam.transforms.vertex;

import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Submits each trial's CustomJob and returns without waiting (from {@link
 * SubmitToVertex#withoutWaiting()}). The main output is one {@link VertexSubmission} per trial
 * whose job exists; trials that could not be submitted come out under {@link #FAILED} as FAILED
 * results. Nothing caps jobs in flight here: Vertex runs them as quota allows.
 */
public final class SubmitVertexJobs extends PTransform<PCollection<Trial>, PCollectionTuple> {
  public static final TupleTag<VertexSubmission> SUBMITTED = new TupleTag<>() {};
  public static final TupleTag<TrialResult> FAILED = new TupleTag<>() {};

  private final VertexSettings settings;

  SubmitVertexJobs(VertexSettings settings) {
    this.settings = settings;
  }

  @Override
  public PCollectionTuple expand(PCollection<Trial> trials) {
    settings.checkComplete();
    return trials.apply(
        "Submit",
        ParDo.of(new SubmitFn(settings)).withOutputTags(SUBMITTED, TupleTagList.of(FAILED)));
  }

  static final class SubmitFn extends VertexRunnerFn<Trial, VertexSubmission> {
    private final Counter submitted = Metrics.counter(SubmitToVertex.class, "submitted");
    private final Counter attached = Metrics.counter(SubmitToVertex.class, "attached");
    private final Counter failed = Metrics.counter(SubmitToVertex.class, "failed");

    SubmitFn(VertexSettings settings) {
      super(settings);
    }

    @ProcessElement
    public void process(@Element Trial trial, MultiOutputReceiver out) {
      try {
        VertexSubmission s = runner().submit(trial);
        (s.created() ? submitted : attached).inc();
        out.get(SUBMITTED).output(s);
      } catch (VertexCallException e) {
        failed.inc();
        out.get(FAILED)
            .output(TrialResult.failed(trial, SubmitToVertex.BACKEND, e.getMessage(), 0, null));
      }
    }
  }
}
