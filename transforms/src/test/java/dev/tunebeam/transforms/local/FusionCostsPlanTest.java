package dev.tunebeam.transforms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The planner with measured costs: a worker's start-up makes short trials fuse and leaves long ones
 * alone. Work is in epochs of one model; costs as measured on the 2-core development machine (fused
 * three wide at 0.95x, a start-up worth 0.6 epochs).
 */
class FusionCostsPlanTest {
  private static final FusionCosts MEASURED = new FusionCosts(0.95, 0.6);

  /** {@code n} trials "k/i" of {@code keys} fusion keys, each {@code epochs} of work. */
  private record T(String key, int i, double epochs) {}

  private static List<T> trials(int keys, int perKey, double epochs) {
    List<T> out = new ArrayList<>();
    for (int k = 0; k < keys; k++) {
      for (int i = 0; i < perKey; i++) {
        out.add(new T("k" + k, i, epochs));
      }
    }
    return out;
  }

  private static List<List<T>> plan(List<T> trials, FusionCosts costs) {
    return FusionPlanner.plan(trials, T::key, T::epochs, 9, 2, costs);
  }

  @Test
  void oneEpochTrialsFuseToSaveWorkerStartUps() {
    List<List<T>> groups = plan(trials(9, 3, 1), MEASURED);
    assertEquals(27, groups.stream().mapToInt(g -> g.size()).sum());
    assertTrue(
        groups.size() <= 12, "a start-up costs more than fused steps lose: " + sizes(groups));
  }

  @Test
  void twentyEpochTrialsTrainAlone() {
    List<List<T>> groups = plan(trials(9, 3, 20), MEASURED);
    assertTrue(
        groups.stream().allMatch(g -> g.size() == 1),
        "fused steps lose more than a start-up costs: " + sizes(groups));
  }

  @Test
  void theDefaultCostsStillFuseAsBefore() {
    List<List<T>> groups = plan(trials(9, 3, 10), FusionCosts.DEFAULT);
    assertTrue(groups.size() < 27, "fusion measured 1.14x three wide by default");
  }

  private static List<Integer> sizes(List<List<T>> groups) {
    return groups.stream().map(g -> g.size()).toList();
  }
}
