package dev.tunebeam.transforms.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * TPE's rounds: round 0 draws {@code max(batch, 10)} random points (Optuna's {@code
 * n_startup_trials} is 10; fewer gives the estimator nothing to split), at most {@code trials};
 * each later round proposes {@code batch} points (the last one the remainder). Every trial trains
 * to num_epochs.
 */
final class TpeRounds {
  static final int STARTUP = 10;

  private TpeRounds() {}

  static Bracket bracket(int trials, int batch, int epochs) {
    List<Rung> rounds = new ArrayList<>();
    int first = Math.min(trials, Math.max(batch, STARTUP));
    rounds.add(new Rung(0, 0, epochs, 0, first));
    for (int done = first; done < trials; done += batch) {
      rounds.add(new Rung(0, rounds.size(), epochs, 0, Math.min(batch, trials - done)));
    }
    return new Bracket(0, rounds);
  }
}
