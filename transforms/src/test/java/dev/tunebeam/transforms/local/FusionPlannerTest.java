package dev.tunebeam.transforms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.study.Trial;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FusionPlannerTest {
  private static final List<Trial> REFERENCE = SearchSpace.referenceStudy().trials(100);

  private static List<List<Trial>> plan(List<Trial> trials, int maxFuse, int workers) {
    return FusionPlanner.plan(trials, t -> t.get("batch_size"), t -> 1.0, maxFuse, workers);
  }

  private static void assertCoversEachTrialOnceWithinItsKey(
      List<Trial> trials, List<List<Trial>> groups, int maxFuse) {
    Set<String> seen = new HashSet<>();
    for (List<Trial> g : groups) {
      assertTrue(g.size() <= maxFuse);
      assertEquals(
          1,
          g.stream().map(t -> t.get("batch_size")).distinct().count(),
          "one fusion key per group");
      g.forEach(t -> assertTrue(seen.add(t.id()), "trial planned twice"));
    }
    assertEquals(trials.size(), seen.size());
  }

  @Test
  void referenceStudyOnTwoWorkersSplitsEachBatchSizeInTwo() {
    List<List<Trial>> groups = plan(REFERENCE, 9, 2);
    assertCoversEachTrialOnceWithinItsKey(REFERENCE, groups, 9);
    assertEquals(
        List.of(5, 5, 5, 4, 4, 4),
        groups.stream().map(List::size).toList(),
        "six groups balance two workers");
  }

  /** Keyed by batch size and activation, as TrainLocally plans: nine keys of three trials. */
  @Test
  void nineEqualGroupsOnTwoWorkersSplitOneToFillTheTail() {
    List<List<Trial>> groups =
        FusionPlanner.plan(
            REFERENCE, t -> t.get("batch_size") + t.get("activation"), t -> 1.0, 9, 2);
    assertEquals(List.of(3, 3, 3, 3, 3, 3, 3, 3, 2, 1), groups.stream().map(List::size).toList());
    assertEquals(27, groups.stream().mapToInt(List::size).sum());
  }

  @Test
  void oneWorkerFusesWholeKeys() {
    List<List<Trial>> groups = plan(REFERENCE, 9, 1);
    assertCoversEachTrialOnceWithinItsKey(REFERENCE, groups, 9);
    assertEquals(List.of(9, 9, 9), groups.stream().map(List::size).toList());
  }

  @Test
  void fusionOffTrainsEachTrialAlone() {
    List<List<Trial>> groups = plan(REFERENCE, 1, 2);
    assertEquals(27, groups.size());
    assertTrue(groups.stream().allMatch(g -> g.size() == 1));
  }

  @Test
  void capIsRespected() {
    List<List<Trial>> groups = plan(REFERENCE, 3, 2);
    assertCoversEachTrialOnceWithinItsKey(REFERENCE, groups, 3);
  }
}
