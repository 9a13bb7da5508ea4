package dev.tunebeam.transforms.search.stopping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.space.StoppingRule;
import dev.tunebeam.transforms.study.Objective;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules' arithmetic. Optuna's figures were worked out by hand from {@code PercentilePruner}:
 * for a maximised value it prunes below {@code np.nanpercentile(values, 100 - p)}, for a minimised
 * one above {@code np.nanpercentile(values, p)}.
 */
class StoppingRulesTest {
  private static final Objective ACCURACY = Objective.parse("val_accuracy", "maximize", "best");
  private static final Objective LOSS = Objective.parse("val_loss", "minimize", "last");

  private static Map<String, Double> values(double... v) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < v.length; i++) {
      m.put("t" + i, v[i]);
    }
    return m;
  }

  private static Set<String> stops(StoppingRule rule, Objective o, int epoch, double... v) {
    return StoppingRules.stops(rule, o, epoch, values(v));
  }

  @Test
  void medianStopsTheTrialsStrictlyWorseThanTheMedian() {
    StoppingRule median = StoppingRule.median(0, List.of(1));
    // Odd count: the median trial itself goes on.
    assertEquals(Set.of("t0", "t3"), stops(median, ACCURACY, 1, 0.2, 0.5, 0.4, 0.1, 0.3));
    // Even count: the median lies between 0.2 and 0.3.
    assertEquals(Set.of("t0", "t3"), stops(median, ACCURACY, 1, 0.2, 0.4, 0.3, 0.1));
    // Minimised: the larger losses stop.
    assertEquals(Set.of("t1", "t2"), stops(median, LOSS, 1, 0.2, 0.5, 0.4, 0.1, 0.3));
    // Ties at the median are not worse.
    assertEquals(Set.of(), stops(median, ACCURACY, 1, 0.3, 0.3, 0.3));
  }

  @Test
  void percentileKeepsTheBestShareAsOptunasPercentilePruner() {
    StoppingRule p25 = StoppingRule.percentile(25, 0, List.of(1));
    // np.nanpercentile([1, 2, 3, 4, 5], 75) = 4: below it is pruned.
    assertEquals(Set.of("t0", "t1", "t2"), stops(p25, ACCURACY, 1, 1, 2, 3, 4, 5));
    // Interpolated: np.nanpercentile([1, 2, 3, 4], 75) = 3.25.
    assertEquals(Set.of("t0", "t1", "t2"), stops(p25, ACCURACY, 1, 1, 2, 3, 4));
    // Minimised: np.nanpercentile([1, 2, 3, 4, 5], 25) = 2: above it is pruned.
    assertEquals(Set.of("t2", "t3", "t4"), stops(p25, LOSS, 1, 1, 2, 3, 4, 5));
    // Percentile 75 keeps three quarters: np.nanpercentile([1, 2, 3, 4, 5], 25) = 2.
    StoppingRule p75 = StoppingRule.percentile(75, 0, List.of(1));
    assertEquals(Set.of("t0"), stops(p75, ACCURACY, 1, 1, 2, 3, 4, 5));
    assertEquals(2.5, StoppingRules.percentile(List.of(1.0, 2.0, 3.0, 4.0), 50), 1e-12);
  }

  @Test
  void thresholdStopsValuesOutsideMinAndMax() {
    StoppingRule atLeast = StoppingRule.threshold(0.5, Double.NaN, 0, List.of(1));
    assertEquals(Set.of("t0"), stops(atLeast, ACCURACY, 1, 0.4, 0.5, 0.9));
    StoppingRule atMost = StoppingRule.threshold(Double.NaN, 1.0, 0, List.of(1));
    assertEquals(Set.of("t2"), stops(atMost, LOSS, 1, 0.4, 1.0, 1.1));
    StoppingRule both = StoppingRule.threshold(0.3, 0.8, 0, List.of(1));
    assertEquals(Set.of("t0", "t2"), stops(both, ACCURACY, 1, 0.2, 0.5, 0.9));
  }

  @Test
  void noTrialStopsBeforeTheGraceEpochs() {
    StoppingRule median = StoppingRule.median(2, List.of(1, 2));
    assertEquals(Set.of(), stops(median, ACCURACY, 1, 0.1, 0.9, 0.5));
    assertEquals(Set.of("t0"), stops(median, ACCURACY, 2, 0.1, 0.9, 0.5));
    StoppingRule threshold = StoppingRule.threshold(0.5, Double.NaN, 3, List.of(1, 3));
    assertEquals(Set.of(), stops(threshold, ACCURACY, 1, 0.1, 0.9));
    assertEquals(Set.of("t0"), stops(threshold, ACCURACY, 3, 0.1, 0.9));
  }

  @Test
  void aTrialWithoutAValueStopsAndIsLeftOutOfTheMedian() {
    StoppingRule median = StoppingRule.median(0, List.of(1));
    // Median of 0.1, 0.5, 0.9 is 0.5; the NaN would shift it if counted.
    assertEquals(Set.of("t0", "t3"), stops(median, ACCURACY, 1, 0.1, 0.5, 0.9, Double.NaN));
    assertEquals(
        Set.of("t1"),
        stops(StoppingRule.threshold(0.0, Double.NaN, 0, List.of(1)), ACCURACY, 1, 1, Double.NaN));
  }

  @Test
  void aTrialsValueAtAnEpochIsTheObjectivesMeasurementUpToIt() {
    List<EpochRecord> h = curve("val_accuracy", 0.5, 0.7, 0.6, 0.8);
    assertEquals(0.7, StoppingRules.valueAt(ACCURACY, h, 3), 1e-12, "best so far");
    Objective last = Objective.parse("val_accuracy", "maximize", "last");
    assertEquals(0.6, StoppingRules.valueAt(last, h, 3), 1e-12, "the value at the epoch");
    assertEquals(Double.NaN, StoppingRules.valueAt(LOSS, h, 3), "never reported");
  }

  @Test
  void aReplayStopsCohortsAtEachDecisionEpochAndCountsModelEpochs() {
    StoppingPlan plan =
        new StoppingPlan(StoppingRule.median(0, List.of(1, 2)), ACCURACY, List.of(1, 2, 4));
    Map<String, List<EpochRecord>> curves = new LinkedHashMap<>();
    curves.put("a", curve("val_accuracy", 0.1, 0.2, 0.3, 0.4));
    curves.put("b", curve("val_accuracy", 0.2, 0.3, 0.4, 0.5));
    curves.put("c", curve("val_accuracy", 0.3, 0.35, 0.45, 0.55));
    curves.put("d", curve("val_accuracy", 0.4, 0.5, 0.6, 0.7));
    StoppingReplay.Outcome o = StoppingReplay.replay(plan, curves);
    // Epoch 1: median 0.25 stops a and b; epoch 2: median of 0.35 and 0.5 stops c.
    assertEquals(Map.of("a", 1, "b", 1, "c", 2), o.stoppedAt());
    assertEquals(1 + 1 + 2 + 4, o.modelEpochs());
  }

  private static List<EpochRecord> curve(String metric, double... v) {
    List<EpochRecord> h = new ArrayList<>();
    for (int i = 0; i < v.length; i++) {
      h.add(EpochRecord.of(i + 1, 1, Map.of(metric, v[i])));
    }
    return h;
  }
}
