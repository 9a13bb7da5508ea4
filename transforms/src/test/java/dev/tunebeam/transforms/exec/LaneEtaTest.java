package dev.tunebeam.transforms.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The ETA from each lane's work left at that lane's pace. */
class LaneEtaTest {
  @Test
  void oneSlowLaneWithTheLastGroupSetsTheEta() {
    // Lane 0 is free and fast (10 units/s); lane 1 is five times slower with 50 units left.
    // An average pace (6 units/s over 50 units) would say about 8 s; the slow lane needs 25.
    double eta =
        LaneEta.seconds(new double[] {0, 50}, new double[] {10, 2}, List.of()).orElseThrow();
    assertEquals(25.0, eta, 1e-9);
  }

  @Test
  void queuedGroupsGoLongestFirstToTheLaneFreeFirst() {
    // Lane 0 frees at 1 s, lane 1 at 2 s (both 1 unit/s); groups 3, 2, 2: 3 -> lane 0 (4 s),
    // 2 -> lane 1 (4 s), 2 -> lane 0 (6 s).
    double eta =
        LaneEta.seconds(new double[] {1, 2}, new double[] {1, 1}, List.of(2.0, 3.0, 2.0))
            .orElseThrow();
    assertEquals(6.0, eta, 1e-9);
  }

  @Test
  void aLaneWithoutAPaceYetGoesAtTheOthersMeanAndNoPaceAtAllGivesNoEta() {
    double eta =
        LaneEta.seconds(new double[] {0, 4}, new double[] {2, Double.NaN}, List.of()).orElseThrow();
    assertEquals(2.0, eta, 1e-9);
    assertTrue(
        LaneEta.seconds(new double[] {1}, new double[] {Double.NaN}, List.of(1.0)).isEmpty());
  }
}
