package dev.tunebeam.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.search.stopping.StoppingPlan;
import dev.tunebeam.transforms.search.stopping.StoppingReplay;
import dev.tunebeam.transforms.search.stopping.StoppingRules;
import dev.tunebeam.transforms.space.StoppingRule;
import dev.tunebeam.transforms.study.Objective;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each stopping rule would have saved on a finished grid, from its recorded per-epoch results
 * (the folder's {@code results.json}), without training: the same decisions as the graph ({@link
 * StoppingReplay}, which calls {@link StoppingRules#stops}), the model-epochs trained against the
 * grid's, and whether the grid's winner survives. Rules: median, percentile 25 and threshold min
 * 0.5, each deciding at epochs 1, 3 and 6 with grace_epochs 1 (the example).
 *
 * <pre>
 * java -cp pipeline/target/tunebeam.jar:bench/target/tunebeam-bench.jar \
 *   dev.tunebeam.bench.StoppingBenchmark OUTPUT_OF_A_FINISHED_GRID
 * </pre>
 */
public final class StoppingBenchmark {
  private StoppingBenchmark() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: StoppingBenchmark OUTPUT (a finished grid's output folder)");
      System.exit(2);
    }
    JsonNode root = new ObjectMapper().readTree(Path.of(args[0], "results.json").toFile());
    JsonNode o = root.path("objective");
    Objective objective =
        Objective.parse(
            o.path("metric").asText(), o.path("goal").asText(), o.path("measurement").asText());
    Map<String, List<EpochRecord>> curves = curves(root);
    int top = curves.values().stream().mapToInt(List::size).max().orElse(0);
    String winner = winner(objective, curves, curves.keySet(), top);
    System.out.printf(
        Locale.ROOT,
        "%s: %d trials, %d epochs, %d model-epochs; objective %s; winner %s (%.4f)%n",
        args[0],
        curves.size(),
        top,
        (long) curves.size() * top,
        objective.describe(),
        winner,
        StoppingRules.valueAt(objective, curves.get(winner), top));
    List<Integer> at = List.of(1, 3, 6);
    for (StoppingRule rule :
        List.of(
            StoppingRule.median(1, at),
            StoppingRule.percentile(25, 1, at),
            StoppingRule.threshold(0.5, Double.NaN, 1, at))) {
      List<Integer> epochs = new ArrayList<>(rule.epochs(top));
      epochs.add(top);
      StoppingReplay.Outcome out =
          StoppingReplay.replay(new StoppingPlan(rule, objective, epochs), curves);
      List<String> survivors =
          curves.keySet().stream().filter(id -> !out.stoppedAt().containsKey(id)).toList();
      String best = winner(objective, curves, survivors, top);
      long full = (long) curves.size() * top;
      Map<Integer, Integer> perEpoch = new TreeMap<>();
      out.stoppedAt().values().forEach(e -> perEpoch.merge(e, 1, Integer::sum));
      System.out.printf(
          Locale.ROOT,
          "%-55s stopped %s; %d model-epochs, %d saved (%.0f%%); winner %s (%s)%n",
          rule.describe(),
          perEpoch.isEmpty() ? "none" : "at epoch " + perEpoch,
          out.modelEpochs(),
          full - out.modelEpochs(),
          100.0 * (full - out.modelEpochs()) / full,
          best == null ? "none left" : best.equals(winner) ? "same" : "different: " + best,
          best == null
              ? "-"
              : String.format(
                  Locale.ROOT, "%.4f", StoppingRules.valueAt(objective, curves.get(best), top)));
    }
  }

  /**
   * The best by the objective over the whole curve, ties by trial id (as the leaderboard ranks).
   */
  private static String winner(
      Objective objective, Map<String, List<EpochRecord>> curves, Iterable<String> among, int top) {
    String best = null;
    double value = Double.NaN;
    for (String id : among) {
      double v = StoppingRules.valueAt(objective, curves.get(id), top);
      if (best == null || objective.better(v, value)) {
        best = id;
        value = v;
      }
    }
    return best;
  }

  /** Each succeeded trial's history, by id, in id order. */
  private static Map<String, List<EpochRecord>> curves(JsonNode root) {
    Map<String, List<EpochRecord>> curves = new TreeMap<>();
    for (JsonNode t : root.path("trials")) {
      if (!t.path("status").asText().equals("SUCCEEDED")) {
        continue;
      }
      List<EpochRecord> h = new ArrayList<>();
      for (JsonNode e : t.path("history")) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> m = it.next();
          if (!m.getKey().equals("epoch") && m.getValue().isNumber()) {
            metrics.put(m.getKey(), m.getValue().asDouble());
          }
        }
        h.add(EpochRecord.of(e.path("epoch").asInt(), 0, metrics));
      }
      curves.put(t.path("trial_id").asText(), h);
    }
    return curves;
  }
}
