package dev.tunebeam.transforms.search.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.transforms.search.Observation;
import dev.tunebeam.transforms.space.Scale;
import dev.tunebeam.transforms.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * TPE's proposals: deterministic, inside the space, drawn toward the good region,
 * conditional-aware.
 */
class TpeSamplerTest {
  private static final SearchSpace SPACE =
      SearchSpace.builder("tpe")
          .random(1, 0)
          .doubleRange("learning_rate", 1e-5, 1.0, Scale.LOG, null)
          .categorical("optimizer", "sgd", "adam", "rmsprop")
          .discrete("momentum", 0.5, 0.9)
          .when("momentum", "optimizer", "sgd")
          .build();

  /** Best near learning_rate 1e-3 with adam. */
  private static double objective(Map<String, String> p) {
    double d = Math.log10(Double.parseDouble(p.get("learning_rate"))) + 3;
    return -d * d + (p.get("optimizer").equals("adam") ? 1 : 0);
  }

  private static List<Observation> randomObservations(int n, long seed) {
    List<Observation> obs = new ArrayList<>();
    SPACE
        .randomTrials(n, seed)
        .forEach(t -> obs.add(new Observation(t.parameters(), objective(t.parameters()))));
    return obs;
  }

  @Test
  void sameObservationsAndSeedGiveTheSameProposal() {
    List<Observation> obs = randomObservations(20, 1);
    TpeSampler s = new TpeSampler(SPACE.conditional());
    assertEquals(s.propose(obs, new Well19937c(5)), s.propose(obs, new Well19937c(5)));
  }

  @Test
  void proposalsStayInTheSpaceAndHonourConditions() {
    TpeSampler s = new TpeSampler(SPACE.conditional());
    Well19937c rng = new Well19937c(9);
    for (int i = 0; i < 50; i++) {
      Map<String, String> p = s.propose(randomObservations(15, i), rng);
      double lr = Double.parseDouble(p.get("learning_rate"));
      assertTrue(lr >= 1e-5 && lr <= 1.0, p.toString());
      assertEquals(p.get("optimizer").equals("sgd"), p.containsKey("momentum"), p.toString());
    }
  }

  @Test
  void proposalsBeatRandomDrawsOnTheObjective() {
    // Median objective of TPE proposals after 30 random observations, against fresh random draws.
    TpeSampler s = new TpeSampler(SPACE.conditional());
    List<Double> tpe = new ArrayList<>();
    List<Double> random = new ArrayList<>();
    Random r = new Random(3);
    for (int seed = 0; seed < 20; seed++) {
      tpe.add(objective(s.propose(randomObservations(30, seed), new Well19937c(seed))));
      random.add(objective(SPACE.randomTrials(1, r.nextLong()).get(0).parameters()));
    }
    tpe.sort(null);
    random.sort(null);
    assertTrue(
        tpe.get(10) > random.get(10) + 1,
        "TPE median " + tpe.get(10) + " vs random " + random.get(10));
  }

  @Test
  void logScaleIsHonoured() {
    // All the good observations sit at 1e-4; on a log scale the proposal lands near it, not at the
    // linear middle.
    List<Observation> obs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      double lr = i < 3 ? 1e-4 : Math.pow(10, -0.2 * i);
      obs.add(
          new Observation(
              Map.of("learning_rate", Double.toString(lr), "optimizer", "adam"), i < 3 ? 1 : 0));
    }
    TpeSampler s = new TpeSampler(SPACE.conditional());
    double lr = Double.parseDouble(s.propose(obs, new Well19937c(2)).get("learning_rate"));
    assertTrue(lr > 1e-5 && lr < 1e-3, "proposed " + lr);
  }

  @Test
  void rampWeightsFollowOptuna() {
    double[] w = TpeSampler.rampWeights(27);
    assertEquals(1.0 / 27, w[0], 1e-12);
    assertEquals(1.0, w[1], 1e-12);
    assertEquals(1.0, w[26], 1e-12);
    assertEquals(1.0, TpeSampler.rampWeights(5)[0], 1e-12);
  }
}
