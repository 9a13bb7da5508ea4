package dev.tunebeam.transforms.search.tpe;

import dev.tunebeam.transforms.search.Bracket;
import dev.tunebeam.transforms.search.Rung;
import java.util.ArrayList;
import java.util.List;

/**
 * TPE's rounds: round 0 draws {@code max(batch, min(10, trials / 2))} random points (Optuna's
 * {@code n_startup_trials} is 10; fewer gives the estimator little to split, and a small study
 * keeps half its trials for the estimator); each later round proposes {@code batch} points (the
 * last one the remainder). Every trial trains to num_epochs.
 */
final class TpeRounds {
  static final int STARTUP = 10;

  private TpeRounds() {}

  public static Bracket bracket(int trials, int batch, int epochs) {
    List<Rung> rounds = new ArrayList<>();
    int first = Math.min(trials, Math.max(batch, Math.min(STARTUP, trials / 2)));
    rounds.add(new Rung(0, 0, epochs, 0, first));
    for (int done = first; done < trials; done += batch) {
      rounds.add(new Rung(0, rounds.size(), epochs, 0, Math.min(batch, trials - done)));
    }
    return new Bracket(0, rounds);
  }
}
