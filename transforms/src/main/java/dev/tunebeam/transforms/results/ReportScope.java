package dev.tunebeam.transforms.results;

import dev.tunebeam.transforms.study.TrialResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which trials {@code report.html} draws and lists. Up to {@link #LIMIT} trials, all of them.
 * Beyond, the best {@code LIMIT / 2} as ranked and {@code LIMIT / 2} more spread evenly over the
 * rest by rank, so the charts keep the shape of the whole study and the page opens: with 20,000
 * trials the whole report was 16.5 MiB and a headless Chromium had not drawn it after five minutes
 * (2,000 trials: 11 s, on a loaded machine). {@code results.csv} and {@code results.json} hold
 * every trial.
 */
final class ReportScope {
  static final int LIMIT = 2000;

  private ReportScope() {}

  /** The board the report draws: {@code board} itself when it is small enough. */
  static Leaderboard drawn(Leaderboard board) {
    List<TrialResult> all = board.ranked();
    if (all.size() <= LIMIT) {
      return board;
    }
    int best = LIMIT / 2;
    List<TrialResult> kept = new ArrayList<>(all.subList(0, best));
    List<TrialResult> rest = all.subList(best, all.size());
    int spread = LIMIT - best;
    for (int i = 0; i < spread; i++) {
      kept.add(rest.get((int) ((long) i * rest.size() / spread)));
    }
    return new Leaderboard(board.objectives(), kept);
  }

  /** What the summary says when the report draws fewer trials than the study has; else "". */
  static String note(Leaderboard board) {
    int n = board.ranked().size();
    if (n <= LIMIT) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        " This report draws and lists %,d of the %,d trials: the best %,d and %,d more spread"
            + " evenly over the rest by rank; results.csv and results.json hold every trial.",
        LIMIT,
        n,
        LIMIT / 2,
        LIMIT - LIMIT / 2);
  }
}
