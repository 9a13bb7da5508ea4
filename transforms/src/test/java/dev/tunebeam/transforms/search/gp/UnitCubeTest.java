package dev.tunebeam.transforms.search.gp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.transforms.space.Scale;
import dev.tunebeam.transforms.space.SearchSpace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Points in the unit cube: log ranges in their logarithm, grids and categories, absent parameters.
 */
class UnitCubeTest {
  // Parents first: optimizer, then momentum (its child), in declared order otherwise.
  private static final SearchSpace SPACE =
      SearchSpace.builder("cube")
          .random(1, 0)
          .doubleRange("learning_rate", 1e-5, 1.0, Scale.LOG, null)
          .categorical("optimizer", "sgd", "adam", "rmsprop")
          .discrete("momentum", 0.5, 0.9)
          .integerRange("width", 16, 256, Scale.LOG, null)
          .integerRange("depth", 1, 100, Scale.LINEAR, null)
          .when("momentum", "optimizer", "sgd")
          .passThrough("width")
          .passThrough("depth")
          .build();
  private static final UnitCube CUBE = new UnitCube(SPACE.conditional());

  private static double[] at(double lr, double opt, double momentum, double batch, double epochs) {
    return new double[] {lr, opt, momentum, batch, epochs};
  }

  @Test
  void aLogRangeIsSearchedInItsLogarithm() {
    Map<String, String> p = CUBE.point(at(0.5, 0.5, 0.5, 0.5, 0.5));
    assertEquals(Math.pow(10, -2.5), Double.parseDouble(p.get("learning_rate")), 1e-12);
    assertEquals(0.5, CUBE.latent(Map.of("learning_rate", "0.00316227766017"))[0], 1e-9);
  }

  @Test
  void categoriesSplitTheCoordinateAndAreSeenAsIndices() {
    assertEquals("sgd", CUBE.point(at(0, 0.2, 0, 0, 0)).get("optimizer"));
    assertEquals("adam", CUBE.point(at(0, 0.5, 0, 0, 0)).get("optimizer"));
    assertEquals("rmsprop", CUBE.point(at(0, 1.0, 0, 0, 0)).get("optimizer"));
    assertEquals(2.0, CUBE.features(at(0, 0.9, 0, 0, 0))[1], 0);
    assertArrayEquals(new boolean[] {false, true, false, false, false}, CUBE.categorical());
  }

  @Test
  void gridsTakeOnlyAllowedValuesAndWideIntegerRangesRound() {
    // width 16..256 on a log scale: 241 integers, continuous, rounded (the range widened by half a
    // step at each end); depth 1..100 linear: continuous too. momentum is a grid of two values.
    Map<String, String> p = CUBE.point(at(0.1, 0.1, 0.7, 0.5, 0.5));
    assertEquals("0.9", p.get("momentum"));
    assertEquals(
        Long.toString(Math.round(Math.exp(0.5 * (Math.log(15.5) + Math.log(256.5))))),
        p.get("width"));
    assertEquals("51", p.get("depth"));
    assertTrue(CUBE.continuous(3) && CUBE.continuous(4) && !CUBE.continuous(2));
    assertArrayEquals(new double[] {0, 1}, CUBE.choices(2), 0);
  }

  @Test
  void aSmallIntegerRangeIsAGridInItsScale() {
    SearchSpace s =
        SearchSpace.builder("small")
            .random(1, 0)
            .integerRange("depth", 1, 8, Scale.LOG, null)
            .passThrough("depth")
            .build();
    UnitCube c = new UnitCube(s.conditional());
    assertFalse(c.continuous(0));
    double[] positions = c.choices(0);
    assertEquals(8, positions.length);
    assertEquals(Math.log(2) / Math.log(8), positions[1], 1e-12);
    assertEquals("4", c.point(new double[] {0.62}).get("depth"));
  }

  @Test
  void aDiscreteListOfPositiveValuesOverTenfoldIsPlacedByLogarithm() {
    SearchSpace s =
        SearchSpace.builder("batch")
            .random(1, 0)
            .discrete("batch_size", 32, 64, 128, 1024)
            .discrete("momentum", 0.5, 0.9, 0.99)
            .build();
    UnitCube c = new UnitCube(s.conditional());
    assertEquals(0.2, c.choices(0)[1], 1e-12);
    assertEquals(0.4 / 0.49, c.choices(1)[1], 1e-12);
  }

  @Test
  void anAbsentParameterIsLeftOutAndSeenAtAFixedValue() {
    Map<String, String> adam = CUBE.point(at(0.5, 0.5, 0.9, 0.5, 0.5));
    assertFalse(adam.containsKey("momentum"));
    assertTrue(CUBE.point(at(0.5, 0.1, 0.9, 0.5, 0.5)).containsKey("momentum"));
    // Two adam points that differ only in the unused momentum coordinate look the same.
    assertArrayEquals(
        CUBE.features(at(0.5, 0.5, 0.0, 0.5, 0.5)), CUBE.features(at(0.5, 0.5, 1.0, 0.5, 0.5)), 0);
  }

  @Test
  void aPointSurvivesTheRoundTrip() {
    List<String> searched = List.of("learning_rate", "optimizer", "momentum", "width", "depth");
    for (var t : SPACE.randomTrials(30, 4)) {
      Map<String, String> point = new java.util.LinkedHashMap<>(t.parameters());
      point.keySet().retainAll(searched);
      Map<String, String> back = CUBE.point(CUBE.latent(point));
      assertEquals(point.keySet(), back.keySet());
      for (String k : point.keySet()) {
        if (k.equals("optimizer")) {
          assertEquals(point.get(k), back.get(k));
        } else {
          double v = Double.parseDouble(point.get(k));
          assertEquals(v, Double.parseDouble(back.get(k)), 1e-9 * v, k);
        }
      }
    }
  }
}
