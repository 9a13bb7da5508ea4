package dev.tunebeam.transforms.search.gp;

import dev.tunebeam.transforms.search.Bracket;
import dev.tunebeam.transforms.search.Rung;
import java.util.ArrayList;
import java.util.List;

/**
 * The Gaussian process's rounds: round 0 draws {@code max(batch, min(5, trials / 2))} random
 * points, each later round proposes {@code batch} (the last one the remainder). Fewer random points
 * than TPE's 10: a process models the objective from a handful of points, and every trial it
 * proposes instead of drawing counts at these budgets (Ax starts from 5 in two dimensions).
 */
final class GpRounds {
  static final int STARTUP = 5;

  private GpRounds() {}

  static int first(int trials, int batch) {
    return Math.min(trials, Math.max(batch, Math.min(STARTUP, trials / 2)));
  }

  static Bracket bracket(int trials, int batch, int epochs) {
    List<Rung> rounds = new ArrayList<>();
    int first = first(trials, batch);
    rounds.add(new Rung(0, 0, epochs, 0, first));
    for (int done = first; done < trials; done += batch) {
      rounds.add(new Rung(0, rounds.size(), epochs, 0, Math.min(batch, trials - done)));
    }
    return new Bracket(0, rounds);
  }
}
