package dev.tunebeam.transforms.search.stopping;

import dev.tunebeam.trainer.report.EpochRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.annotations.Internal;

/**
 * A stopping plan applied to recorded learning curves, with no training: the trials of one cohort
 * (a grid, or one TPE round) pass each decision epoch together, as they do in the graph, and the
 * same {@link StoppingRules#stops} decides. What it returns is what the graph would have trained.
 */
@Internal
public final class StoppingReplay {
  private StoppingReplay() {}

  /**
   * Per trial, the epochs it trained ({@code trained}) and, for a stopped one, the epoch it stopped
   * at ({@code stoppedAt}).
   */
  public record Outcome(Map<String, Integer> trained, Map<String, Integer> stoppedAt) {
    public Outcome {
      trained = Map.copyOf(trained);
      stoppedAt = Map.copyOf(stoppedAt);
    }

    /** Epochs trained, summed over the trials. */
    public long modelEpochs() {
      return trained.values().stream().mapToLong(Integer::longValue).sum();
    }
  }

  /** {@code curves}: each trial's recorded history, by trial id. */
  public static Outcome replay(StoppingPlan plan, Map<String, List<EpochRecord>> curves) {
    Map<String, List<EpochRecord>> alive = new TreeMap<>(curves);
    Map<String, Integer> stoppedAt = new LinkedHashMap<>();
    for (int epoch : plan.decisionEpochs()) {
      Map<String, Double> values = new TreeMap<>();
      alive.forEach((id, h) -> values.put(id, StoppingRules.valueAt(plan.objective(), h, epoch)));
      for (String id : StoppingRules.stops(plan.rule(), plan.objective(), epoch, values)) {
        alive.remove(id);
        stoppedAt.put(id, epoch);
      }
    }
    Map<String, Integer> trained = new LinkedHashMap<>();
    curves.forEach(
        (id, h) ->
            trained.put(id, stoppedAt.getOrDefault(id, Math.min(plan.topEpochs(), recorded(h)))));
    return new Outcome(trained, stoppedAt);
  }

  private static int recorded(List<EpochRecord> h) {
    return h.stream().mapToInt(EpochRecord::epoch).max().orElse(0);
  }
}
