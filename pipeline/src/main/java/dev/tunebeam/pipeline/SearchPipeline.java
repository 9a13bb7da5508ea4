package dev.tunebeam.pipeline;

import dev.tunebeam.pipeline.collect.CollectResults;
import dev.tunebeam.pipeline.collect.ResultsSummary;
import dev.tunebeam.pipeline.collect.SubmissionManifest;
import dev.tunebeam.pipeline.collect.SubmitTrials;
import dev.tunebeam.pipeline.lock.OutputLock;
import dev.tunebeam.pipeline.lock.OutputLocks;
import dev.tunebeam.pipeline.plan.CostModel;
import dev.tunebeam.pipeline.plan.DataflowDryRun;
import dev.tunebeam.pipeline.plan.DataflowStaging;
import dev.tunebeam.pipeline.plan.DryRunPlan;
import dev.tunebeam.pipeline.preflight.CloudPreflight;
import dev.tunebeam.pipeline.preflight.EnvironmentPreflight;
import dev.tunebeam.pipeline.preflight.PlatformEncoding;
import dev.tunebeam.pipeline.preflight.RunPreflight;
import dev.tunebeam.pipeline.preflight.TrainerPreflight;
import dev.tunebeam.pipeline.simulate.SimulateCommand;
import dev.tunebeam.pipeline.study.Backends;
import dev.tunebeam.pipeline.study.ObjectiveChoice;
import dev.tunebeam.pipeline.study.Scheduled;
import dev.tunebeam.pipeline.study.SpaceChoice;
import dev.tunebeam.pipeline.study.SpareWorkerChoice;
import dev.tunebeam.pipeline.study.StoppingChoice;
import dev.tunebeam.pipeline.study.TrainerChoice;
import dev.tunebeam.pipeline.study.WarmStartChoice;
import dev.tunebeam.pipeline.tune.VertexTuningLauncher;
import dev.tunebeam.trainer.report.DiskFull;
import dev.tunebeam.trainer.report.LocalArtifactStore;
import dev.tunebeam.trainer.report.RedactedConsole;
import dev.tunebeam.transforms.dispatch.Backend;
import dev.tunebeam.transforms.dispatch.BackendRule;
import dev.tunebeam.transforms.exec.StudyFigures;
import dev.tunebeam.transforms.local.TrainLocally;
import dev.tunebeam.transforms.results.RankTrials;
import dev.tunebeam.transforms.results.WriteLeaderboard;
import dev.tunebeam.transforms.run.StudyRun;
import dev.tunebeam.transforms.run.Utilisation;
import dev.tunebeam.transforms.search.Schedule;
import dev.tunebeam.transforms.space.ExpandSearchSpace;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.StoppingRule;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.warm.WarmStart;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.values.PCollection;

/**
 * The main job: expand a search space into trials, run each where {@code --backend} says (fused on
 * local workers, or as Vertex AI jobs), rank them and write the leaderboard to {@code --output}.
 * DirectRunner by default; any Beam runner with {@code --runner}. Exit 0 when the pipeline ran and
 * some trial succeeded (failed trials are rows of the table), 2 on bad input or a condition that
 * would fail every trial (nothing written), 1 when the pipeline itself failed or every trial did.
 * Google Cloud access ({@link CloudPreflight}) and conditions known up front ({@link RunPreflight})
 * are checked before anything runs; the output folder is then locked ({@link OutputLock}) for the
 * run.
 *
 * <p>On Dataflow ({@code --runner=DataflowRunner}) a run that trains nothing locally stages the jar
 * without PyTorch's natives ({@link DataflowStaging}); {@code --dataflowDryRun=FILE} writes the job
 * it would submit and exits ({@link DataflowDryRun}).
 *
 * <p>With {@code --waitForCompletion=false} Vertex trials are submitted and not waited for; the run
 * writes {@code OUTPUT/submissions.json}, and {@code collect} (first argument, or {@link
 * CollectResults}) later writes the leaderboard.
 */
public final class SearchPipeline {
  static final String TUNE = "tune";

  private SearchPipeline() {}

  public static void main(String[] args) {
    RedactedConsole.install();
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    System.exit(dispatch(args, System.out, System.err));
  }

  /**
   * The jar's commands: run (the default), collect, tune, simulate; --help and --help=INTERFACE
   * before Beam sees them.
   */
  static int dispatch(String[] args, PrintStream out, PrintStream err) {
    String command = args.length > 0 && !args[0].startsWith("-") ? args[0] : "run";
    String[] rest =
        args.length > 0 && !args[0].startsWith("-")
            ? java.util.Arrays.copyOfRange(args, 1, args.length)
            : args;
    switch (command) {
      case "help" -> {
        UsagePage.print(out);
        return 0;
      }
      case CollectResults.COMMAND -> {
        return CollectResults.run(rest, out, err);
      }
      case SimulateCommand.COMMAND -> {
        return SimulateCommand.run(java.util.Arrays.asList(rest), out, err);
      }
      case TUNE -> {
        return VertexTuningLauncher.run(
            java.util.Arrays.asList(rest),
            out,
            err,
            dev.tunebeam.transforms.vertex.StorageFactory.standard());
      }
      case "run" -> {
        for (String a : rest) {
          if (a.equals("--help") || a.equals("-h")) {
            UsagePage.print(out);
            return 0;
          }
          if (a.startsWith("--help=")) {
            try {
              OptionsHelp.print(a.substring("--help=".length()), out);
              return 0;
            } catch (IllegalArgumentException e) {
              err.println("error: " + e.getMessage());
              return 2;
            }
          }
        }
        return run(rest, out, err);
      }
      default -> {
        err.println(
            "error: unknown command "
                + command
                + "; use run, collect, tune or simulate (or --help)");
        return 2;
      }
    }
  }

  /**
   * Runs the main job as the command line would; returns its exit code (0, 1 when trials or the
   * pipeline failed, 2 for bad input).
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, CloudPreflight.standard());
  }

  /**
   * {@code cloud} checks Google Cloud access before anything runs (tests pass one over in-memory
   * storage).
   */
  public static int run(String[] args, PrintStream out, PrintStream err, CloudPreflight cloud) {
    // A signal ends the JVM without leaving this method: the hook ends the processes the run
    // started (from the fusion probe on) and releases the lock once there is one.
    StopHook stop = StopHook.install();
    try {
      return run(args, out, err, cloud, stop);
    } finally {
      stop.remove();
    }
  }

  private static int run(
      String[] args, PrintStream out, PrintStream err, CloudPreflight cloud, StopHook stop) {
    SearchOptions options;
    Pipeline pipeline;
    SearchSpace space;
    BackendRule rule;
    OutputLock lock;
    List<StudyRun> runs = new ArrayList<>();
    List<TrainLocally> locals = new ArrayList<>();
    try {
      // First: building the pipeline already unpacks Beam's snappy library into java.io.tmpdir.
      EnvironmentPreflight.checkTemporaryFolder(System.getProperty("java.io.tmpdir"));
      cloud.checkCredentialsEarly(args);
      options = SearchOptionsParser.parse(args);
      cloud.checkSpaceFile(options);
      space = SpaceChoice.resolve(options);
      rule = Backends.rule(options, space);
      pipeline = build(options, space, rule, runs::add, locals::add);
      cloud.checkRun(options, space, rule);
      if (!options.getDryRun()) {
        // The built-in trainer's data, device and batch checks mean nothing to a command trainer or
        // a Trainable.
        RunPreflight.check(
            options,
            space,
            rule,
            TrainerChoice.of(options).isEmpty() && TrainerChoice.trainable(options).isEmpty());
        TrainerPreflight.check(options, rule);
        EnvironmentPreflight.check(options, space, rule);
      }
      if (options.getDryRun()) {
        DryRunPlan.print(options, space, rule, CostModel.load(options.getCostModel()), out);
        StoppingChoice.of(options, space, ObjectiveChoice.of(options, space))
            .ifPresent(
                s ->
                    out.println(
                        "Stopping: "
                            + s.describe()
                            + "; trials stop early, so the model-epochs above are at most."));
        return 0;
      }
      // A Dataflow template dry run writes nothing under --output: it needs no lock (nor the
      // credentials a gs:// lock would).
      lock =
          DataflowDryRun.requested(options)
              ? null
              : OutputLocks.acquire(options, cloud, msg -> err.println("warning: " + msg));
    } catch (InvalidPathException e) {
      err.println("error: " + OptionErrors.sentence(PlatformEncoding.sentence(e, args), args));
      return 2;
    } catch (IllegalArgumentException e) {
      err.println("error: " + OptionErrors.sentence(FlagNames.message(e), args));
      return 2;
    }
    stop.guard(lock);
    try (lock) {
      if (onDirectRunner(options)) {
        // The workers start, load the engine and parse the data while the runner starts and plans
        // the first stage, instead of after it (docs/performance.md, small studies).
        locals.forEach(TrainLocally::startWorkers);
      }
      int code = runLocked(options, space, rule, pipeline, out, err);
      for (StudyRun run : runs) {
        Utilisation u = run.utilisation();
        if (u.availableCoreSeconds() > 0) {
          out.println("Local lanes: " + u.describe() + ".");
        }
      }
      return code;
    } finally {
      runs.forEach(StudyRun::close);
    }
  }

  private static int runLocked(
      SearchOptions options,
      SearchSpace space,
      BackendRule rule,
      Pipeline pipeline,
      PrintStream out,
      PrintStream err) {
    long started = System.nanoTime();
    out.printf(
        "Study %s: %d trials, output %s%n", space.study(), space.size(), options.getOutput());
    space.plannedFewer().ifPresent(why -> out.println("Note: " + why + "."));
    PipelineResult result;
    try {
      result = pipeline.run();
      if (DataflowDryRun.wroteTemplate(options)) {
        DataflowDryRun.report(options, out);
        return 0;
      }
      PipelineResult.State state = result.waitUntilFinish();
      if (state != PipelineResult.State.DONE) {
        err.println("error: the pipeline ended in state " + state);
        return 1;
      }
    } catch (RuntimeException e) {
      err.println(
          "error: the pipeline failed: "
              + OptionErrors.sentence(DiskFull.sentence(e).orElse(e.getMessage()), new String[0]));
      return 1;
    }
    double minutes = (System.nanoTime() - started) / 60e9;
    out.printf(Locale.ROOT, "Pipeline finished in %.1f min.%n", minutes);
    if (submitsOnly(options, rule)) {
      out.println(
          "Vertex AI jobs submitted without waiting; manifest: "
              + options.getOutput()
              + "/"
              + SubmissionManifest.FILE_NAME);
      out.println("Collect the results later (same --output):");
      out.println("  java -jar tunebeam.jar collect --output=" + options.getOutput());
      return 0;
    }
    ResultsSummary.Counts counts = ResultsSummary.print(options.getOutput(), options.getTop(), out);
    int bound = options.getMaxFailedTrials();
    if (bound >= 0 && counts.failed() > bound) {
      err.printf(
          "error: %d trials failed, more than --maxFailedTrials=%d; %d trials were not run. The leaderboard of what finished is in %s%n",
          counts.failed(), bound, counts.skipped(), options.getOutput());
      return 1;
    }
    if (counts.succeeded() == 0 && counts.failed() > 0) {
      err.printf(
          "error: every trial failed (%d); their reasons are in the error column of %s/results.csv%n",
          counts.failed(), options.getOutput());
      return 1;
    }
    return 0;
  }

  /** Builds the pipeline; throws IllegalArgumentException (before anything runs) on bad options. */
  public static Pipeline build(SearchOptions options, SearchSpace space) {
    return build(options, space, Backends.rule(options, space), run -> {});
  }

  /**
   * {@code rule}: {@link Backends#rule} of these options and space, computed once by the caller;
   * {@code created} gets the study's run, to close once the pipeline ended.
   */
  static Pipeline build(
      SearchOptions options, SearchSpace space, BackendRule rule, Consumer<StudyRun> created) {
    return build(options, space, rule, created, local -> {});
  }

  /** As above; {@code localCreated} gets the local backend's transform, where there is one. */
  static Pipeline build(
      SearchOptions options,
      SearchSpace space,
      BackendRule rule,
      Consumer<StudyRun> created,
      Consumer<TrainLocally> localCreated) {
    if (options.getOutput().isBlank()) {
      throw new IllegalArgumentException(
          "--output is empty; give a local folder or gs://bucket/path");
    }
    Objectives objectives = ObjectiveChoice.of(options, space);
    Optional<StoppingRule> stopping = StoppingChoice.of(options, space, objectives);
    checkWritable(options.getOutput());
    DataflowDryRun.configure(options);
    DataflowStaging.configure(options, rule);
    // Live results rank as the final table does; progress lines show the first objective.
    StudyRun budget = StudyRun.create(options.getMaxFailedTrials(), objectives);
    if (!submitsOnly(options, rule)) {
      // The results files are rewritten as trials finish, so a study can be watched while it runs.
      budget = budget.withLiveResults(options.getOutput(), space.study());
    }
    created.accept(budget);
    Schedule schedule = Schedule.of(space);
    TrainLocally local =
        rule.targets().contains(Backend.LOCAL)
            ? Backends.local(
                options,
                budget,
                // A stopping rule's stages are barriers too, whose tails depend on which trials it
                // stops.
                stopping.isPresent() || SpareWorkerChoice.pays(schedule, space))
            : null;
    if (local != null) {
      localCreated.accept(local);
    }
    if (onDirectRunner(options)) {
      DirectOptions direct = options.as(DirectOptions.class);
      direct.setTargetParallelism(Backends.directRunnerThreads(space, rule));
      // The DirectRunner's checks that no element is mutated and each one encodes are for testing
      // transforms; here they encoded and decoded every trial and result several times (Java
      // serialization), a third of the pipeline's CPU with thousands of trials.
      direct.setEnforceImmutability(false);
      direct.setEnforceEncodability(false);
    }
    Pipeline p = Pipeline.create(options);
    WarmStart warm = WarmStartChoice.of(options, space, objectives);
    if (schedule.adaptive() || !warm.isEmpty() || stopping.isPresent()) {
      Scheduled.build(
          p, options, space, objectives, rule, local, budget, warm, stopping.orElse(null));
      return p;
    }
    PCollection<Trial> trials =
        p.apply(
            "ExpandSearchSpace", ExpandSearchSpace.of(space).withMaxTrials(options.getMaxTrials()));
    if (submitsOnly(options, rule)) {
      trials.apply(
          "SubmitTrials",
          new SubmitTrials(
              rule,
              local == null ? Map.of() : Map.of(Backend.LOCAL, local),
              Backends.vertex(options, space),
              options.getOutput(),
              space.study(),
              objectives));
      return p;
    }
    PCollection<TrialResult> results =
        trials.apply("RunTrials", Backends.runTrials(options, space, rule, local, budget));
    results
        .apply("RankTrials", RankTrials.by(objectives))
        .apply(
            "WriteLeaderboard",
            WriteLeaderboard.to(options.getOutput())
                .withStudy(space.study())
                .withRunFigures(StudyFigures.of(budget)));
    return p;
  }

  /** Whether this run submits Vertex jobs and leaves the waiting to {@link CollectResults}. */
  public static boolean submitsOnly(SearchOptions options, BackendRule rule) {
    return !options.getWaitForCompletion() && rule.targets().contains(Backend.VERTEX);
  }

  public static boolean onDirectRunner(SearchOptions options) {
    return DirectRunner.class.isAssignableFrom(options.getRunner());
  }

  /**
   * A local output must be creatable before any trial trains (gs:// is checked by the file system).
   */
  static void checkWritable(String output) {
    if (!output.contains("://")) {
      new LocalArtifactStore(Path.of(output)).checkWritable("--output");
    }
  }
}
