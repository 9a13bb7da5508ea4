package dev.tunebeam.pipeline.tune;

import com.google.api.gax.rpc.ApiException;
import com.google.cloud.aiplatform.v1.HyperparameterTuningJob;
import dev.tunebeam.transforms.results.Leaderboard;
import dev.tunebeam.transforms.study.TrialResult;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * What the launcher does once a tuning job has ended and its leaderboard is written: log the trials
 * to a Vertex AI Experiment ({@code --experiment-name}) and register the best model ({@code
 * --enable-model-registry}). A failure here exits 1 but leaves the leaderboard in place.
 */
final class VertexExtrasRun {
  private VertexExtrasRun() {}

  static int afterJob(
      LauncherFlags flags,
      HyperparameterTuningJob job,
      Leaderboard board,
      PrintStream out,
      PrintStream err)
      throws IOException, InterruptedException {
    VertexExtras extras = flags.extras();
    if (extras.experimentName() != null) {
      try (var client = VertexServices.metadata(flags.endpoint())) {
        List<String> runs =
            ExperimentRuns.log(
                client,
                flags.project(),
                flags.region(),
                extras.experimentName(),
                job.getDisplayName(),
                board);
        out.printf(
            "Logged %d trials as runs of Vertex AI Experiment %s%n",
            runs.size(), extras.experimentName());
      } catch (ApiException e) {
        err.println(
            "error: the leaderboard is written, but logging the trials to Experiment "
                + extras.experimentName()
                + " failed: "
                + e.getStatusCode().getCode()
                + " "
                + e.getMessage());
        return 1;
      }
    }
    if (extras.modelRegistry()) {
      Optional<TrialResult> best = board.best();
      if (best.isEmpty()) {
        err.println(
            "error: --enable-model-registry: no trial succeeded, so there is no model to register");
        return 1;
      }
      try (var client = VertexServices.models(flags.endpoint())) {
        String model =
            ModelRegistry.upload(
                client,
                flags.project(),
                flags.region(),
                job.getDisplayName(),
                best.get(),
                job.getTrialJobSpec().getWorkerPoolSpecs(0).getContainerSpec().getImageUri(),
                board.objective().column(),
                best.get().objectiveValue());
        out.println(
            "Registered the best trial's model (" + best.get().trial().id() + ") as " + model);
      } catch (ApiException | ExecutionException e) {
        err.println(
            "error: the leaderboard is written, but registering the best model failed: "
                + e.getMessage());
        return 1;
      }
    }
    return 0;
  }
}
