package dev.tunebeam.pipeline.tune;

import com.google.api.gax.rpc.ApiException;
import com.google.cloud.aiplatform.v1.HyperparameterTuningJob;
import com.google.cloud.aiplatform.v1.JobServiceClient;
import com.google.cloud.aiplatform.v1.JobState;
import dev.tunebeam.pipeline.OptionErrors;
import dev.tunebeam.pipeline.collect.ResultsSummary;
import dev.tunebeam.pipeline.preflight.CloudPreflight;
import dev.tunebeam.transforms.results.Leaderboard;
import dev.tunebeam.transforms.results.WriteLeaderboard;
import dev.tunebeam.transforms.tuning.TuningJobResults;
import dev.tunebeam.transforms.vertex.StorageFactory;
import dev.tunebeam.transforms.vertex.VertexErrors;
import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;

/**
 * Launches the search as one Vertex AI HyperparameterTuningJob instead of a pipeline: the Java
 * counterpart of the reference {@code launch_vertex_hp_tuning.py}. The StudySpec comes from the
 * same search space a pipeline uses (metric {@code val_accuracy}, maximized), and each trial runs
 * the same container and worker pool as {@code SubmitToVertex}.
 *
 * <pre>
 * java -jar tunebeam.jar tune --project my-project --bucket my-bucket --debug-sync
 * </pre>
 *
 * Without {@code --debug-sync} it prints the job's name and exits; with it (or with {@code
 * --collect JOB}) it waits, prints every state change and writes the finished job's trials as
 * results.csv/json/md and report.html. Exit 0 on success, 2 on bad flags (one sentence, no API
 * call), 1 when Vertex refuses the job or the job fails.
 */
public final class VertexTuningLauncher {
  private VertexTuningLauncher() {}

  public static void main(String[] args) {
    dev.tunebeam.trainer.report.RedactedConsole.install();
    System.exit(run(Arrays.asList(args), System.out, System.err, StorageFactory.standard()));
  }

  public static int run(
      List<String> args, PrintStream out, PrintStream err, StorageFactory storage) {
    LauncherFlags flags;
    try {
      FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
      flags = LauncherFlags.parse(args, LocalDateTime.now());
    } catch (IllegalArgumentException e) {
      err.println("error: " + OptionErrors.sentence(e.getMessage(), args.toArray(String[]::new)));
      return 2;
    }
    if (flags == null) {
      out.println(LauncherFlags.usage());
      return 0;
    }
    try {
      checkAccess(flags, storage);
    } catch (IllegalArgumentException e) {
      err.println(
          "error: "
              + OptionErrors.sentence(LauncherFlagNames.sentence(e), args.toArray(String[]::new)));
      return 2;
    }
    try (JobServiceClient client = JobServiceClient.create(flags.endpoint().settings())) {
      String name = flags.collect();
      if (name == null) {
        TuningRequest request = flags.request();
        HyperparameterTuningJob job = withTensorboard(request.job(), flags, out);
        HyperparameterTuningJob created =
            client.createHyperparameterTuningJob(
                "projects/" + flags.project() + "/locations/" + flags.region(), job);
        name = created.getName();
        out.printf(
            "Created hyperparameter tuning job %s%n  display name %s, %d trials (%d at a time), %s search, outputs under %s%n",
            name,
            job.getDisplayName(),
            job.getMaxTrialCount(),
            job.getParallelTrialCount(),
            request.algorithm().key(),
            request.baseOutputDirectory());
        if (!request.debugSync()) {
          out.println(
              "Console: https://console.cloud.google.com/vertex-ai/training/hyperparameter-tuning-jobs?project="
                  + flags.project());
          VertexExtras x = flags.extras();
          out.println(
              "Leaderboard when it is done: java -jar tunebeam.jar tune --collect "
                  + name
                  + (x.experimentName() != null ? " --experiment-name " + x.experimentName() : "")
                  + (x.modelRegistry() ? " --enable-model-registry" : ""));
          return 0;
        }
      }
      HyperparameterTuningJob done =
          new TuningJobWatcher(client, out, flags.poll()).waitForEnd(name);
      if (done.getState() != JobState.JOB_STATE_SUCCEEDED) {
        err.println(
            "error: "
                + VertexErrors.jobEnded(
                    name,
                    done.getState().name().replace("JOB_STATE_", ""),
                    done.hasError() ? done.getError() : null,
                    flags.settings()));
        return 1;
      }
      Leaderboard board = writeLeaderboard(done, flags, storage, out, err);
      return board == null ? 1 : VertexExtrasRun.afterJob(flags, done, board, out, err);
    } catch (ApiException e) {
      err.println(
          "error: "
              + VertexErrors.explain(
                  flags.collect() == null
                      ? "creating the tuning job"
                      : "reading tuning job " + flags.collect(),
                  e,
                  flags.settings(),
                  1));
      return 1;
    } catch (IOException e) {
      err.println(
          "error: cannot connect to Vertex AI at " + flags.endpoint() + ": " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("error: interrupted; the tuning job keeps running");
      return 1;
    } catch (java.util.concurrent.ExecutionException e) {
      err.println(
          "error: creating the TensorBoard instance "
              + flags.extras().tensorboardName()
              + " failed: "
              + e.getCause());
      return 1;
    }
  }

  /**
   * Credentials (for the real endpoint), the endpoint's reachability and the output bucket, before
   * the job is created: a wrong setup is one sentence in seconds, not a gax retry loop.
   */
  private static void checkAccess(LauncherFlags flags, StorageFactory storage) {
    CloudPreflight.bounded(
        () -> {
          com.google.auth.Credentials credentials =
              flags.endpoint().plaintext()
                  ? null
                  : dev.tunebeam.trainer.cloud.GcpCredentials.find(
                      "Vertex AI (" + flags.endpoint() + ")", System.getenv());
          CloudPreflight.reachable(flags.endpoint(), "--endpoint");
          if (flags.request() != null) {
            com.google.cloud.storage.Storage client =
                credentials == null
                    ? storage.create()
                    : dev.tunebeam.trainer.cloud.GcsPreflight.fastFailingClient(credentials);
            new dev.tunebeam.trainer.cloud.GcsPreflight(client)
                .writable("--bucket", flags.request().baseOutputDirectory());
          }
          return null;
        });
  }

  /**
   * {@code --tensorboard-name}: every trial's CustomJob writes to that instance (found, or
   * created).
   */
  private static HyperparameterTuningJob withTensorboard(
      HyperparameterTuningJob job, LauncherFlags flags, PrintStream out)
      throws IOException, InterruptedException, java.util.concurrent.ExecutionException {
    if (flags.extras().tensorboardName() == null) {
      return job;
    }
    try (var client = VertexServices.tensorboards(flags.endpoint())) {
      String tensorboard =
          TensorboardInstance.resolve(
              client, flags.project(), flags.region(), flags.extras().tensorboardName());
      out.println("Trials write TensorBoard logs to " + tensorboard);
      return job.toBuilder()
          .setTrialJobSpec(job.getTrialJobSpec().toBuilder().setTensorboard(tensorboard))
          .build();
    }
  }

  /**
   * The leaderboard written by {@link WriteLeaderboard} (results.csv/json/md, report.html), or null
   * (after saying why) when it cannot be.
   */
  private static Leaderboard writeLeaderboard(
      HyperparameterTuningJob job,
      LauncherFlags flags,
      StorageFactory storage,
      PrintStream out,
      PrintStream err) {
    String output =
        flags.output() != null
            ? flags.output()
            : job.getTrialJobSpec().getBaseOutputDirectory().getOutputUriPrefix();
    Leaderboard board =
        Leaderboard.rank(
            TuningJobResults.of(job, storage.create()), TuningJobResults.objectives(job));
    // The main job's transform on a one-element pipeline: the launcher's files are the main job's,
    // report.html included.
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    p.apply("Leaderboard", Create.of(board))
        .apply(
            "WriteLeaderboard", WriteLeaderboard.to(output).withStudy(TuningJobResults.study(job)));
    try {
      p.run().waitUntilFinish();
    } catch (RuntimeException e) {
      Throwable why =
          e instanceof Pipeline.PipelineExecutionException && e.getCause() != null
              ? e.getCause()
              : e;
      err.println(
          "error: the job succeeded but the leaderboard cannot be written to "
              + output
              + ": "
              + why.getMessage());
      return null;
    }
    ResultsSummary.print(
        output,
        10,
        out,
        "per-trial metrics.json and models under "
            + job.getTrialJobSpec().getBaseOutputDirectory().getOutputUriPrefix()
            + "TRIAL_NUMBER/model/");
    return board;
  }
}
