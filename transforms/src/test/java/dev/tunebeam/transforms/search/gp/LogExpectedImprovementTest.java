package dev.tunebeam.transforms.search.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** log EI against values computed with mpmath at 40 digits, in each of its three branches. */
class LogExpectedImprovementTest {
  /**
   * {@code mp.log(mp.npdf(z) + z * mp.ncdf(z))} with {@code mp.mp.dps = 50}: the direct branch (z >
   * -1), Mills' ratio (-100 <= z <= -1) and the asymptotic series (z < -100).
   */
  @ParameterizedTest
  @CsvSource({
    "3, 1.0987396653277078",
    "1, 0.08002621884930694",
    "0, -0.91893853320467274",
    "-0.5, -1.6205162643873199",
    "-1, -2.4851210257126413",
    "-1.5, -3.5299359208057099",
    "-3, -7.8696860596030285",
    "-10, -55.553122036122356",
    "-37, -692.64296016327041",
    "-99, -4910.6094842154551",
    "-101, -5110.649473554864",
    "-1000, -500014.73445209116",
    "-1e5, -5000000023.9447895"
  })
  void logHMatchesHighPrecisionValues(double z, double expected) {
    assertEquals(expected, LogExpectedImprovement.logH(z), Math.abs(expected) * 1e-13 + 1e-15);
  }

  @ParameterizedTest
  @CsvSource({
    "1, 0.65567954241879847154",
    "2, 0.42136922928805447322",
    "5, 0.19280810471531576488",
    "30, 0.033296419072497213382"
  })
  void millsRatioMatchesHighPrecisionValues(double t, double expected) {
    assertEquals(expected, LogExpectedImprovement.millsRatio(t), expected * 1e-14);
  }

  @Test
  void equalsTheLogOfPlainExpectedImprovementWherePlainIsAccurate() {
    NormalDistribution n = new NormalDistribution(null, 0, 1);
    for (double mean = -4; mean <= 2; mean += 0.25) {
      double sd = 0.7;
      double best = 0.5;
      double z = (mean - best) / sd;
      double ei = sd * (n.density(z) + z * n.cumulativeProbability(z));
      assertEquals(
          Math.log(ei), LogExpectedImprovement.value(mean, sd, best), 1e-10, "mean " + mean);
    }
  }

  @Test
  void staysFiniteAndIncreasingFarBelowTheIncumbent() {
    // Plain EI is exactly 0 below z = -38; the log keeps a slope an optimiser can climb.
    double previous = Double.NEGATIVE_INFINITY;
    for (double z = -1e4; z < 5; z += 0.37) {
      double v = LogExpectedImprovement.logH(z);
      assertTrue(Double.isFinite(v), "z " + z);
      assertTrue(v > previous, "not increasing at z " + z);
      previous = v;
    }
  }

  @Test
  void branchesMeetWithoutAJump() {
    for (double edge : new double[] {-1, -100}) {
      double below = LogExpectedImprovement.logH(Math.nextDown(edge));
      double above = LogExpectedImprovement.logH(Math.nextUp(edge));
      assertEquals(above, below, Math.abs(above) * 1e-13, "at " + edge);
    }
  }
}
