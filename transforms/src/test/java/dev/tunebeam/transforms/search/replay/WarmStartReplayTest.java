package dev.tunebeam.transforms.search.replay;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.transforms.search.ScheduleWalk;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.warm.WarmStart;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Issue 23's warm-start criterion, replayed on the shipped recording: a TPE study of the reference
 * space warm-started from a finished random study of 9 trials (its rows as earlier answers) needs
 * fewer new trials to the winner than the same TPE study started cold, median over 20 seeds. A seed
 * whose random study already found the winner needs 0 new trials warm.
 */
class WarmStartReplayTest {
  private static final int SEEDS = 20;

  @Test
  void aWarmStartedTpeNeedsFewerNewTrialsToTheWinner() {
    Recording recording = Recordings.shipped();
    double[] cold = new double[SEEDS];
    double[] warm = new double[SEEDS];
    boolean[] earlierFound = new boolean[SEEDS];
    for (int s = 0; s < SEEDS; s++) {
      SearchSpace random =
          Recordings.space("earlier", "algorithm: random\nsamples: 9\nseed: " + (100 + s));
      SearchSpace tpe =
          Recordings.space("lenet5-fashion", "algorithm: tpe\ntrials: 18\nbatch: 1\nseed: " + s);
      Replay replay = Replay.of(recording, tpe);
      Target winner = replay.target(0);
      List<TrialResult> earlier = Replay.of(recording, random).walk(random).rows();
      boolean known =
          earlier.stream()
              .anyMatch(
                  r ->
                      winner.reached(
                          Objectives.of(winner.objective()).evaluate(r).objectiveValue()));
      earlierFound[s] = known;
      cold[s] = newTrials(replay, tpe, WarmStart.NONE, winner);
      warm[s] =
          known ? 0 : newTrials(replay, tpe, WarmStart.of(tpe, earlier, List.of(), false), winner);
    }
    double coldMedian = Simulation.median(cold);
    double warmMedian = Simulation.median(warm);
    double[] coldUnknown = unknown(cold, warm, earlierFound);
    double[] warmUnknown = unknown(warm, warm, earlierFound);
    System.out.printf(
        Locale.ROOT,
        "WARM START (replay, %d seeds): median new trials to the winner: cold tpe %.1f, warm tpe"
            + " %.1f; over the %d seeds whose random study missed the winner: cold %.1f, warm %.1f%n",
        SEEDS,
        coldMedian,
        warmMedian,
        coldUnknown.length,
        Simulation.median(coldUnknown),
        Simulation.median(warmUnknown));
    assertTrue(warmMedian < coldMedian, "warm " + warmMedian + " against cold " + coldMedian);
    // Not only the seeds whose earlier study already held the winner: where it did not, the
    // earlier answers still steer TPE there sooner.
    assertTrue(
        Simulation.median(warmUnknown) < Simulation.median(coldUnknown),
        "where the random study missed the winner: warm "
            + Simulation.median(warmUnknown)
            + " against cold "
            + Simulation.median(coldUnknown));
  }

  private static double[] unknown(double[] values, double[] warm, boolean[] earlierFound) {
    double[] out = new double[values.length];
    int n = 0;
    for (int i = 0; i < values.length; i++) {
      if (!earlierFound[i]) {
        out[n++] = values[i];
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** Trials this TPE study trains until the winner's; infinite when it never does. */
  private static double newTrials(Replay replay, SearchSpace tpe, WarmStart warm, Target winner) {
    ScheduleWalk.Walked walked = replay.walk(tpe, warm);
    return replay
        .trace(walked)
        .firstReaching(winner)
        .map(s -> (double) s.trials())
        .orElse(Double.POSITIVE_INFINITY);
  }
}
