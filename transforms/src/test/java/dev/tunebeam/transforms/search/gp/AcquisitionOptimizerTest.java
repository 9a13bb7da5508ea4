package dev.tunebeam.transforms.search.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunebeam.transforms.space.Scale;
import dev.tunebeam.transforms.space.SearchSpace;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/** The optimiser finds a known maximum over continuous, grid and categorical coordinates. */
class AcquisitionOptimizerTest {
  private static final SearchSpace SPACE =
      SearchSpace.builder("acq")
          .random(1, 0)
          .doubleRange("a", 0, 1, Scale.LINEAR, null)
          .doubleRange("b", 0, 1, Scale.LINEAR, null)
          .doubleRange("c", 0, 1, Scale.LINEAR, null)
          .categorical("kind", "x", "y", "z")
          .discrete("size", 1, 2, 3, 4, 5)
          .passThrough("a")
          .passThrough("b")
          .passThrough("c")
          .passThrough("kind")
          .passThrough("size")
          .build();

  @Test
  void findsTheMaximumMoreCloselyThanTheCandidatesAlone() {
    UnitCube cube = new UnitCube(SPACE.conditional());
    // Largest at a = 0.3172, b = 0.7431, c = 0.1234 with kind y and size 4: a smooth bowl plus
    // rewards for the right choices that the candidates alone find, but not the bowl's centre.
    double[] centre = {0.3172, 0.7431, 0.1234};
    AcquisitionOptimizer optimizer =
        new AcquisitionOptimizer(
            cube,
            f -> {
              double s = 0;
              for (int i = 0; i < 3; i++) {
                s -= (f[i] - centre[i]) * (f[i] - centre[i]);
              }
              return s + (f[3] == 1 ? 0.2 : 0) - 0.05 * Math.abs(f[4] - 0.75);
            });
    Map<String, String> best = cube.point(optimizer.maximize(List.of(), new Well19937c(3)));
    assertEquals("y", best.get("kind"));
    assertEquals("4", best.get("size"));
    for (int i = 0; i < 3; i++) {
      assertEquals(
          centre[i], Double.parseDouble(best.get(String.valueOf((char) ('a' + i)))), 1e-4, "" + i);
    }
  }

  @Test
  void sameSeedSamePoint() {
    UnitCube cube = new UnitCube(SPACE.conditional());
    AcquisitionOptimizer optimizer =
        new AcquisitionOptimizer(cube, f -> Math.sin(9 * f[0]) * Math.cos(7 * f[1]) + f[2] * f[4]);
    assertEquals(
        cube.point(optimizer.maximize(List.of(), new Well19937c(11))),
        cube.point(optimizer.maximize(List.of(), new Well19937c(11))));
  }
}
