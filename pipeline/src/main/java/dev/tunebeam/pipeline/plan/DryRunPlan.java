package dev.tunebeam.pipeline.plan;

import dev.tunebeam.pipeline.SearchOptions;
import dev.tunebeam.transforms.dispatch.Backend;
import dev.tunebeam.transforms.dispatch.BackendRule;
import dev.tunebeam.transforms.search.Schedule;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.study.Trial;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code --dryRun}: what a run would do, and roughly how long and how much, without training,
 * submitting or writing anything. Local time assumes the local workers keep the measured
 * throughput; Vertex time assumes {@code --maxParallelTrials} jobs at a time, each with the model's
 * fixed overhead.
 */
public final class DryRunPlan {
  private DryRunPlan() {}

  public static void print(
      SearchOptions o, SearchSpace space, BackendRule rule, CostModel cost, PrintStream out) {
    space.plannedFewer().ifPresent(why -> out.printf("Note: %s.%n%n", why));
    if (Schedule.of(space).adaptive()) {
      ScheduleDryRun.print(o, space, rule, cost, out);
      return;
    }
    List<Trial> trials = space.trials(o.getMaxTrials());
    boolean gpu = !o.getAcceleratorType().isBlank() && o.getAcceleratorCount() > 0;
    out.printf(
        "Dry run of study %s: %d trials (nothing is trained, submitted or written)%n%n",
        space.study(), trials.size());
    List<String> header = new ArrayList<>(List.of("trial_id", "backend"));
    List<String> names =
        new ArrayList<>(trials.isEmpty() ? List.of() : trials.get(0).parameters().keySet());
    header.addAll(names);
    header.addAll(List.of("model_images", "est_minutes", "est_cost_usd"));
    List<List<String>> rows = new ArrayList<>();
    double localImages = 0;
    int vertexTrials = 0;
    double vertexSeconds = 0;
    double vertexCost = 0;
    double hourly = 0;
    for (Trial t : trials) {
      Backend backend = rule.route(t);
      double images = modelImages(t);
      List<String> row = new ArrayList<>(List.of(t.id(), backend.key()));
      names.forEach(n -> row.add(t.get(n) == null ? "" : t.get(n)));
      row.add(String.format(Locale.ROOT, "%.0f", images));
      if (backend == Backend.VERTEX) {
        hourly =
            cost.vertexHourlyPrice(
                o.getMachineType(), o.getAcceleratorType(), o.getAcceleratorCount());
        double seconds = cost.vertexOverheadSeconds() + images / cost.vertexThroughput(gpu);
        double usd = seconds / 3600 * hourly;
        vertexTrials++;
        vertexSeconds += seconds;
        vertexCost += usd;
        row.add(String.format(Locale.ROOT, "%.1f", seconds / 60));
        row.add(String.format(Locale.ROOT, "%.2f", usd));
      } else {
        localImages += images;
        row.add(String.format(Locale.ROOT, "%.1f", images / cost.localThroughput() / 60));
        row.add("0");
      }
      rows.add(row);
    }
    out.print(dev.tunebeam.transforms.results.LeaderboardFormats.table(header, rows, rows.size()));
    out.println();
    double localMinutes = localImages / cost.localThroughput() / 60;
    out.printf(
        Locale.ROOT,
        "Local:  %d trials, %.1fM model-images at %.0f model-images/s: about %.0f min on this machine's workers.%n",
        trials.size() - vertexTrials,
        localImages / 1e6,
        cost.localThroughput(),
        localMinutes);
    double vertexMinutes =
        vertexTrials == 0
            ? 0
            : vertexSeconds / Math.min(vertexTrials, o.getMaxParallelTrials()) / 60;
    if (vertexTrials > 0) {
      out.printf(
          Locale.ROOT,
          "Vertex: %d trials on %s%s at $%.4f/h, %d at a time: about %.0f min and $%.2f.%n",
          vertexTrials,
          o.getMachineType(),
          gpu ? " + " + o.getAcceleratorCount() + "x " + o.getAcceleratorType() : "",
          hourly,
          Math.min(vertexTrials, o.getMaxParallelTrials()),
          vertexMinutes,
          vertexCost);
    }
    out.printf(
        Locale.ROOT,
        "Estimated wall time: about %.0f min (local and Vertex trials run side by side).%n",
        Math.max(localMinutes, vertexMinutes));
    out.println(
        "Estimates use the cost model in pipeline/src/main/resources/dev/tunebeam/pipeline/plan/cost-model.properties; override it with --costModel=FILE.");
  }

  static double modelImages(Trial t) {
    int epochs = Integer.parseInt(t.parameters().getOrDefault("num_epochs", "10"));
    int samples = Integer.parseInt(t.parameters().getOrDefault("train_samples", "0"));
    return (double) epochs * (samples > 0 ? samples : 60_000);
  }
}
