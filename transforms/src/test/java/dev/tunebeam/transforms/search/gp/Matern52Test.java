package dev.tunebeam.transforms.search.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** The kernel's values (computed with mpmath), its length scales and its categorical inputs. */
class Matern52Test {
  private static final boolean[] NUMERIC_2 = {false, false};

  @Test
  void shapeMatchesKnownValues() {
    // (1 + r + r^2/3) exp(-r), r = sqrt(5) d: d = 1 gives 0.52399..., d = 0.5 gives 0.82864...
    assertEquals(1.0, Matern52.shape(0), 0);
    assertEquals(0.52399410883182031059, Matern52.shape(1), 1e-15);
    assertEquals(0.82864914241812531308, Matern52.shape(0.25), 1e-15);
  }

  @Test
  void eachInputHasItsOwnLengthScale() {
    // w = (4, 0): the first input's length scale is 0.5, the second does not matter at all.
    Matern52 k = new Matern52(new double[] {4, 0}, NUMERIC_2, 2.0);
    assertEquals(0.5, k.lengthScale(0), 1e-15);
    assertEquals(
        2.0 * 0.52399410883182031059, k.at(new double[] {0, 0}, new double[] {0.5, 100}), 1e-14);
    assertEquals(2.0, k.at(new double[] {0.3, 0}, new double[] {0.3, -7}), 1e-15);
  }

  @Test
  void categoricalInputsCompareChoicesOnlyForEquality() {
    Matern52 k = new Matern52(new double[] {1, 1}, new boolean[] {false, true}, 1.0);
    double oneApart = k.at(new double[] {0, 0}, new double[] {0, 1});
    double twoApart = k.at(new double[] {0, 0}, new double[] {0, 2});
    assertEquals(Matern52.shape(1), oneApart, 1e-15);
    assertEquals(oneApart, twoApart, 0);
    assertEquals(1.0, k.at(new double[] {0.2, 2}, new double[] {0.2, 2}), 0);
  }

  @Test
  void gramIsSymmetricPositiveDefiniteWithTheNoiseOnItsDiagonal() {
    Matern52 k = new Matern52(new double[] {10, 3}, NUMERIC_2, 1.5);
    double[][] x = {{0.1, 0.2}, {0.4, 0.9}, {0.1, 0.2}, {0.8, 0.5}};
    RealMatrix g = k.gram(x, 0.01);
    assertEquals(1.51, g.getEntry(2, 2), 1e-15);
    assertEquals(g.getEntry(1, 3), g.getEntry(3, 1), 0);
    // Rows 0 and 2 repeat a point: only the noise keeps the matrix factorable.
    new CholeskyDecomposition(g);
    assertThrows(Exception.class, () -> new CholeskyDecomposition(k.gram(x, 0)));
  }

  @Test
  void refusesLengthScalesThatDoNotMatchTheInputs() {
    assertThrows(
        IllegalArgumentException.class, () -> new Matern52(new double[] {1}, NUMERIC_2, 1));
  }
}
