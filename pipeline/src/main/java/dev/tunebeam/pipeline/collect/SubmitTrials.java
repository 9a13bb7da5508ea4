package dev.tunebeam.pipeline.collect;

import dev.tunebeam.transforms.dispatch.Backend;
import dev.tunebeam.transforms.dispatch.BackendRule;
import dev.tunebeam.transforms.dispatch.RouteTrials;
import dev.tunebeam.transforms.results.ToList;
import dev.tunebeam.transforms.results.WriteLeaderboard;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.vertex.SubmitToVertex;
import dev.tunebeam.transforms.vertex.SubmitVertexJobs;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * The asynchronous run: Vertex trials are submitted and not waited for, the other backends' trials
 * run as usual, and every trial's entry goes into {@code OUTPUT/submissions.json} for {@link
 * CollectResults}. Outputs the manifest's path.
 */
public final class SubmitTrials extends PTransform<PCollection<Trial>, PCollection<String>> {
  private final BackendRule rule;
  private final Map<Backend, PTransform<PCollection<Trial>, PCollection<TrialResult>>> waited;
  private final SubmitToVertex vertex;
  private final String output;
  private final String study;
  private final Objectives objectives;

  /**
   * {@code objectives} are recorded in the manifest, so that collect ranks as the study would have.
   */
  public SubmitTrials(
      BackendRule rule,
      Map<Backend, PTransform<PCollection<Trial>, PCollection<TrialResult>>> waited,
      SubmitToVertex vertex,
      String output,
      String study,
      Objectives objectives) {
    this.rule = rule;
    this.waited = Map.copyOf(waited);
    this.vertex = vertex;
    this.output = output;
    this.study = study;
    this.objectives = objectives;
  }

  @Override
  public PCollection<String> expand(PCollection<Trial> trials) {
    PCollectionList<Trial> routed = trials.apply("Route", RouteTrials.by(rule));
    PCollectionList<SubmissionManifest.Entry> entries = PCollectionList.empty(trials.getPipeline());
    // Every backend but Vertex runs its trials as in a waited study; their results are entries.
    for (Backend b : rule.targets()) {
      if (b != Backend.VERTEX) {
        entries =
            entries.and(
                RouteTrials.of(routed, b)
                    .apply("Run-" + b.key(), waited.get(b))
                    .apply("Entries-" + b.key(), settled()));
      }
    }
    PCollectionTuple submitted =
        RouteTrials.of(routed, Backend.VERTEX).apply("SubmitToVertex", vertex.withoutWaiting());
    entries =
        entries
            .and(
                submitted
                    .get(SubmitVertexJobs.SUBMITTED)
                    .apply(
                        "SubmittedEntries",
                        MapElements.into(TypeDescriptor.of(SubmissionManifest.Entry.class))
                            .via(SubmissionManifest.Entry::submitted)))
            .and(submitted.get(SubmitVertexJobs.FAILED).apply("RefusedEntries", settled()));
    SubmissionManifest header =
        new SubmissionManifest(
            study,
            vertex.settings().project(),
            vertex.settings().region(),
            vertex.settings().outputPrefix(),
            objectives.primary(),
            objectives.several() ? objectives.all() : null,
            List.of());
    return entries
        .apply("AllEntries", Flatten.pCollections())
        .apply("Gather", Combine.globally(ToList.<SubmissionManifest.Entry>of()))
        .apply("WriteManifest", ParDo.of(new WriteManifestFn(header, output)));
  }

  private static MapElements<TrialResult, SubmissionManifest.Entry> settled() {
    return MapElements.into(TypeDescriptor.of(SubmissionManifest.Entry.class))
        .via(SubmissionManifest.Entry::settled);
  }

  static final class WriteManifestFn extends DoFn<List<SubmissionManifest.Entry>, String> {
    private final SubmissionManifest header;
    private final String output;

    WriteManifestFn(SubmissionManifest header, String output) {
      this.header = header;
      this.output = output;
    }

    @ProcessElement
    public void process(@Element List<SubmissionManifest.Entry> all, OutputReceiver<String> out)
        throws IOException {
      SubmissionManifest m =
          new SubmissionManifest(
              header.study(),
              header.project(),
              header.region(),
              header.vertexOutput(),
              header.objective(),
              header.objectives(),
              all);
      out.output(
          WriteLeaderboard.writeAtomically(output, SubmissionManifest.FILE_NAME, m.toJson()));
    }
  }
}
