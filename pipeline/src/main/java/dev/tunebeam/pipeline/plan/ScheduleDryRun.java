package dev.tunebeam.pipeline.plan;

import dev.tunebeam.pipeline.SearchOptions;
import dev.tunebeam.pipeline.study.SpareWorkerChoice;
import dev.tunebeam.transforms.dispatch.Backend;
import dev.tunebeam.transforms.dispatch.BackendRule;
import dev.tunebeam.transforms.search.Bracket;
import dev.tunebeam.transforms.search.Rung;
import dev.tunebeam.transforms.search.Schedule;
import dev.tunebeam.transforms.space.SearchSpace;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code --dryRun} of an adaptive study: every bracket's stages (rungs, or rounds), trials per
 * stage, model-epochs with warm start, against training every trial to the top rung, and the
 * estimated time from the cost model's throughput. Which trials a rung promotes is not known before
 * the rung has run, so the plan lists counts, not trials.
 */
final class ScheduleDryRun {
  private ScheduleDryRun() {}

  static void print(
      SearchOptions o, SearchSpace space, BackendRule rule, CostModel cost, PrintStream out) {
    Schedule schedule = Schedule.of(space);
    String unit = schedule.shape().stage();
    out.printf(
        "Dry run of study %s (%s): %d trials, %d brackets (nothing is trained, submitted or written)%n%n",
        space.study(), schedule.algorithm(), schedule.trials(), schedule.brackets().size());
    List<String> header =
        List.of("bracket", unit, "trials", "to_epoch", "model_epochs", "est_minutes");
    List<List<String>> rows = new ArrayList<>();
    double imagesPerEpoch = SpareWorkerChoice.imagesPerEpoch(space);
    int jobs = 0;
    for (Bracket b : schedule.brackets()) {
      for (Rung r : b.rungs()) {
        jobs += r.trials();
        rows.add(
            List.of(
                Integer.toString(b.index()),
                Integer.toString(r.index()),
                Integer.toString(r.trials()),
                Integer.toString(r.epochs()),
                Long.toString(r.modelEpochs()),
                String.format(
                    Locale.ROOT,
                    "%.1f",
                    r.modelEpochs() * imagesPerEpoch / cost.localThroughput() / 60)));
      }
    }
    out.print(dev.tunebeam.transforms.results.LeaderboardFormats.table(header, rows, rows.size()));
    out.println();
    double minutes = schedule.modelEpochs() * imagesPerEpoch / cost.localThroughput() / 60;
    out.printf(
        Locale.ROOT,
        "Model-epochs: %d with warm start (every trial to epoch %d: %d, %.2fx).%n",
        schedule.modelEpochs(),
        schedule.topEpochs(),
        schedule.fullModelEpochs(),
        schedule.fullModelEpochs() == 0
            ? 0
            : (double) schedule.modelEpochs() / schedule.fullModelEpochs());
    if (rule.targets().contains(Backend.LOCAL)) {
      out.printf(
          Locale.ROOT,
          "Local: %.1fM model-images at %.0f model-images/s: about %.0f min on this machine's workers"
              + " (rungs run one after another; a trainer without warm start retrains each rung from epoch 0).%n",
          schedule.modelEpochs() * imagesPerEpoch / 1e6,
          cost.localThroughput(),
          minutes);
    }
    if (rule.targets().contains(Backend.VERTEX)) {
      boolean gpu = !o.getAcceleratorType().isBlank() && o.getAcceleratorCount() > 0;
      double seconds =
          jobs * cost.vertexOverheadSeconds()
              + schedule.modelEpochs() * imagesPerEpoch / cost.vertexThroughput(gpu);
      double usd =
          seconds
              / 3600
              * cost.vertexHourlyPrice(
                  o.getMachineType(), o.getAcceleratorType(), o.getAcceleratorCount());
      out.printf(
          Locale.ROOT,
          "Vertex: %d CustomJobs (one per trial and %s), about $%.2f if every trial ran there.%n",
          jobs,
          unit,
          usd);
    }
    out.println(
        "Estimates use the cost model in pipeline/src/main/resources/dev/tunebeam/pipeline/plan/cost-model.properties; override it with --costModel=FILE.");
  }
}
