package dev.tunebeam.transforms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The planner with measured costs: a worker's start-up makes short trials fuse and leaves long ones
 * alone, and a faster worker on every core takes the groups that would leave a core idle. Work is
 * in epochs of one model; costs as measured on the 2-core development machine (fused three wide at
 * 0.95x, a start-up worth 0.6 epochs, one worker on both cores 1.5x).
 */
class FusionCostsPlanTest {
  private static final FusionCosts MEASURED = new FusionCosts(0.95, 0.6, 1.5);

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

  private static List<FusionPlanner.Group<T>> plan(List<T> trials, FusionCosts costs) {
    return FusionPlanner.plan(trials, T::key, T::epochs, 9, 2, costs);
  }

  @Test
  void oneEpochTrialsFuseToSaveWorkerStartUps() {
    List<FusionPlanner.Group<T>> groups = plan(trials(9, 3, 1), MEASURED);
    assertEquals(27, groups.stream().mapToInt(g -> g.members().size()).sum());
    assertTrue(
        groups.size() <= 12, "a start-up costs more than fused steps lose: " + sizes(groups));
  }

  @Test
  void twentyEpochTrialsTrainAlone() {
    List<FusionPlanner.Group<T>> groups = plan(trials(9, 3, 20), MEASURED);
    assertTrue(
        groups.stream().allMatch(g -> g.members().size() == 1),
        "fused steps lose more than a start-up costs: " + sizes(groups));
  }

  @Test
  void theDefaultCostsStillFuseAsBefore() {
    List<FusionPlanner.Group<T>> groups = plan(trials(9, 3, 10), FusionCosts.DEFAULT);
    assertTrue(groups.size() < 27, "fusion measured 1.14x three wide by default");
    assertTrue(groups.stream().allMatch(g -> g.width() == 1), "the default costs never widen");
  }

  @Test
  void theThirdOfThreeTrialsOnTwoWorkersGetsBothCores() {
    List<FusionPlanner.Group<T>> groups = plan(trials(3, 1, 7), MEASURED);
    assertEquals(List.of(1, 1, 2), groups.stream().map(FusionPlanner.Group::width).toList());
  }

  @Test
  void noWideGroupWhenOneWorkerOnEveryCoreIsNoFaster() {
    List<FusionPlanner.Group<T>> groups = plan(trials(3, 1, 7), new FusionCosts(0.95, 0.6, 1.0));
    assertTrue(groups.stream().allMatch(g -> g.width() == 1));
  }

  @Test
  void noWideGroupWhenTheWorkersFinishTogether() {
    List<FusionPlanner.Group<T>> groups = plan(trials(4, 1, 7), MEASURED);
    assertTrue(
        groups.stream().allMatch(g -> g.width() == 1),
        "four equal trials fill two workers: " + groups);
  }

  @Test
  void wideGroupsComeLast() {
    List<FusionPlanner.Group<T>> groups = plan(trials(9, 1, 2), MEASURED);
    int firstWide = groups.size();
    for (int i = 0; i < groups.size(); i++) {
      if (groups.get(i).width() > 1) {
        firstWide = Math.min(firstWide, i);
      } else {
        assertTrue(i < firstWide, "a narrow group after a wide one: " + groups);
      }
    }
    assertTrue(firstWide < groups.size(), "nine equal trials on two workers leave a tail to widen");
  }

  private static List<Integer> sizes(List<FusionPlanner.Group<T>> groups) {
    return groups.stream().map(g -> g.members().size()).toList();
  }
}
