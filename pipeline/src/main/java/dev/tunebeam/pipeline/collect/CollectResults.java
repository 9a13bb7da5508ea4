package dev.tunebeam.pipeline.collect;

import dev.tunebeam.pipeline.OptionErrors;
import dev.tunebeam.pipeline.SearchOptions;
import dev.tunebeam.pipeline.SearchOptionsParser;
import dev.tunebeam.pipeline.SearchPipeline;
import dev.tunebeam.pipeline.lock.OutputLock;
import dev.tunebeam.pipeline.lock.OutputLocks;
import dev.tunebeam.pipeline.preflight.CloudPreflight;
import dev.tunebeam.pipeline.preflight.RunPreflight;
import dev.tunebeam.pipeline.study.ObjectiveChoice;
import dev.tunebeam.trainer.report.MetricsReport;
import dev.tunebeam.transforms.local.TrialArtifacts;
import dev.tunebeam.transforms.results.RankTrials;
import dev.tunebeam.transforms.results.WriteLeaderboard;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import dev.tunebeam.transforms.vertex.AwaitVertexJobs;
import dev.tunebeam.transforms.vertex.SubmitToVertex;
import dev.tunebeam.transforms.vertex.VertexSubmission;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * The second half of an asynchronous run: reads {@code OUTPUT/submissions.json}, waits for its
 * Vertex AI jobs, reads every trial's result and writes the leaderboard to the same {@code
 * --output}. Run it as
 *
 * <pre>
 * java -cp tunebeam.jar dev.tunebeam.pipeline.collect.CollectResults --output=gs://BUCKET/study
 * java -jar tunebeam.jar collect --output=gs://BUCKET/study
 * </pre>
 *
 * Any {@link SearchOptions} flag is accepted; it reads {@code --output}, {@code --objective} (and
 * {@code --objectiveGoal}, {@code --measurement}), {@code --top} and {@code --vertexEndpoint}.
 * Project, region and the objective come from the manifest (the objective flags override it part by
 * part). Like the main job it checks the folder's layout first and holds the folder's lock while it
 * writes. Exit codes as {@link SearchPipeline}.
 */
public final class CollectResults {
  public static final String COMMAND = "collect";

  private CollectResults() {}

  public static void main(String[] args) {
    dev.tunebeam.trainer.report.RedactedConsole.install();
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, CloudPreflight.standard());
  }

  /**
   * {@code cloud} gives the storage a gs:// lock is kept in (tests pass one over in-memory
   * storage).
   */
  public static int run(String[] args, PrintStream out, PrintStream err, CloudPreflight cloud) {
    Prepared job;
    OutputLock lock;
    try {
      job = prepare(args);
      // As the main job: one writer per --output, so two collects (or a collect and a run) cannot
      // interleave one leaderboard.
      lock = OutputLocks.acquire(job.options(), cloud, msg -> err.println("warning: " + msg));
    } catch (IllegalArgumentException e) {
      err.println("error: " + OptionErrors.sentence(e.getMessage(), args));
      return 2;
    }
    try (lock) {
      return job.collect(out, err);
    }
  }

  /**
   * Everything checked before the folder is locked: the flags, the folder's layout, the manifest;
   * throws IllegalArgumentException.
   */
  private static Prepared prepare(String[] args) {
    SearchOptions options = SearchOptionsParser.parse(args);
    RunPreflight.checkOutputLayout(options.getOutput());
    SubmissionManifest manifest = SubmissionManifest.read(options.getOutput());
    return new Prepared(options, manifest, build(options, manifest), objectives(options, manifest));
  }

  private record Prepared(
      SearchOptions options,
      SubmissionManifest manifest,
      Pipeline pipeline,
      Objectives objectives) {
    int collect(PrintStream out, PrintStream err) {
      long pending =
          manifest.trials().stream()
              .filter(e -> SubmissionManifest.SUBMITTED.equals(e.status()))
              .count();
      out.printf(
          "Study %s: collecting %d trials (%d Vertex AI jobs to wait for) into %s, ranked by %s%n",
          manifest.study(),
          manifest.trials().size(),
          pending,
          options.getOutput(),
          objectives.describe());
      try {
        PipelineResult.State state = pipeline.run().waitUntilFinish();
        if (state != PipelineResult.State.DONE) {
          err.println("error: the pipeline ended in state " + state);
          return 1;
        }
      } catch (RuntimeException e) {
        err.println("error: the pipeline failed: " + e.getMessage());
        return 1;
      }
      ResultsSummary.print(options.getOutput(), options.getTop(), out);
      return 0;
    }
  }

  /**
   * The flags over the objectives the study recorded ({@link RecordedObjective}), over the default.
   */
  static Objectives objectives(SearchOptions options, SubmissionManifest manifest) {
    return RecordedObjective.of(options.getOutput(), manifest)
        .map(found -> ObjectiveChoice.overRecorded(options, found.objectives()))
        .orElseGet(() -> ObjectiveChoice.of(options));
  }

  /**
   * Waits for the manifest's jobs and ranks every trial; throws IllegalArgumentException on bad
   * options.
   */
  public static Pipeline build(SearchOptions options, SubmissionManifest manifest) {
    Objectives objectives = objectives(options, manifest);
    List<VertexSubmission> pending =
        manifest.trials().stream()
            .filter(e -> SubmissionManifest.SUBMITTED.equals(e.status()))
            .map(
                e ->
                    new VertexSubmission(
                        e.trial(manifest.study()), e.jobName(), e.location(), false))
            .toList();
    List<SubmissionManifest.Entry> settled =
        manifest.trials().stream()
            .filter(e -> !SubmissionManifest.SUBMITTED.equals(e.status()))
            .toList();

    Pipeline p = Pipeline.create(options);
    PCollection<TrialResult> fromVertex =
        p.apply(
                "Submitted",
                Create.of(pending).withCoder(SerializableCoder.of(VertexSubmission.class)))
            .apply("AwaitVertexJobs", collector(options, manifest));
    PCollection<TrialResult> fromManifest =
        p.apply(
                "Settled",
                Create.of(settled).withCoder(SerializableCoder.of(SubmissionManifest.Entry.class)))
            .apply("ReadSettled", ParDo.of(new SettledFn(manifest.study())));
    PCollectionList.of(fromVertex)
        .and(fromManifest)
        .apply("AllResults", Flatten.pCollections())
        .apply("RankTrials", RankTrials.by(objectives))
        .apply(
            "WriteLeaderboard",
            WriteLeaderboard.to(options.getOutput()).withStudy(manifest.study()));
    return p;
  }

  private static AwaitVertexJobs collector(SearchOptions o, SubmissionManifest m) {
    if (m.project() == null || m.region() == null) {
      throw new IllegalArgumentException(
          "the submission manifest names no Vertex AI project and region; was it written by this version?");
    }
    SubmitToVertex v =
        SubmitToVertex.to(m.project(), m.region())
            .withEndpoint(o.getVertexEndpoint())
            .withStorage(o.getVertexStorage())
            .withPolling(
                Duration.ofMillis(o.getVertexPollMillis()),
                Duration.ofMillis(o.getVertexPollMillis() * 6));
    if (m.vertexOutput() != null) {
      v = v.withOutputPrefix(m.vertexOutput());
    }
    return v.collect();
  }

  /**
   * Trials whose outcome the manifest already holds; a local success is read back from its
   * metrics.json.
   */
  static final class SettledFn extends DoFn<SubmissionManifest.Entry, TrialResult> {
    private final String study;

    SettledFn(String study) {
      this.study = study;
    }

    @ProcessElement
    public void process(@Element SubmissionManifest.Entry e, OutputReceiver<TrialResult> out) {
      if (TrialStatus.SKIPPED.name().equals(e.status())) {
        out.output(TrialResult.skipped(e.trial(study), e.backend(), e.error()));
        return;
      }
      if (!TrialStatus.SUCCEEDED.name().equals(e.status())) {
        out.output(TrialResult.failed(e.trial(study), e.backend(), e.error(), 0, e.location()));
        return;
      }
      try {
        Optional<MetricsReport> m = TrialArtifacts.readMetrics(e.location());
        out.output(
            m.isPresent()
                ? TrialResult.succeeded(e.trial(study), e.backend(), m.get(), e.location())
                : TrialResult.failed(
                    e.trial(study),
                    e.backend(),
                    "metrics.json is gone from " + e.location(),
                    0,
                    e.location()));
      } catch (IOException | RuntimeException ex) {
        out.output(
            TrialResult.failed(
                e.trial(study),
                e.backend(),
                "cannot read " + e.location() + "/metrics.json: " + ex.getMessage(),
                0,
                e.location()));
      }
    }
  }
}
