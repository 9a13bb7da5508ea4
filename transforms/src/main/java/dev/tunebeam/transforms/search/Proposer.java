package dev.tunebeam.transforms.search;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.annotations.Internal;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Turns earlier results into the next point, for an algorithm whose rounds read them (TPE; a
 * Gaussian process). {@link Proposals} calls it once per point of a round, and owns what every
 * proposer shares: the order results are read in, the seeded generator, points already proposed
 * this round, refusing a point trained before, and the random fallback.
 */
@FunctionalInterface
@Internal
public interface Proposer {
  /**
   * One point: a value for each searched parameter that is active under it (parents first, as
   * {@code Conditions} walks them).
   *
   * @param finished every earlier trial that has an objective value, in trial-id order
   * @param pending this round's points proposed so far, not yet trained; a proposer counts them as
   *     it sees fit (TPE as the worst result, Optuna's constant liar) so that a round spreads out
   * @param rng seeded from the study's seed and the round
   */
  Map<String, String> propose(
      List<Observation> finished, List<Map<String, String>> pending, RandomGenerator rng);
}
