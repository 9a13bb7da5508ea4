package dev.tunebeam.transforms.results;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.study.TrialResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Which of a trial's records the report draws: all of them up to {@link #MAX}; beyond, {@code MAX}
 * spread evenly from the first to the last, plus the epoch the trial is judged at. A trainer that
 * reports every batch (237,177 records in one metric file) would otherwise put every one into the
 * page's data and each chart's series, and the page would not open; the report says which trials
 * were thinned. {@code results.json} keeps every record.
 */
final class CurvePoints {
  static final int MAX = 1000;

  private CurvePoints() {}

  /** Indices into {@code history}, ascending. */
  static List<Integer> kept(List<EpochRecord> history, int chosenEpoch) {
    int n = history.size();
    List<Integer> all = new ArrayList<>(Math.min(n, MAX + 1));
    if (n <= MAX) {
      for (int i = 0; i < n; i++) {
        all.add(i);
      }
      return all;
    }
    TreeSet<Integer> kept = new TreeSet<>();
    for (int k = 0; k < MAX; k++) {
      kept.add((int) Math.round((double) k * (n - 1) / (MAX - 1)));
    }
    for (int i = 0; i < n; i++) {
      if (history.get(i).epoch() == chosenEpoch) {
        kept.add(i);
        break;
      }
    }
    all.addAll(kept);
    return all;
  }

  /** What the report says when it thinned some trial's curves; else "". */
  static String note(Leaderboard board) {
    List<TrialResult> thinned =
        board.ranked().stream().filter(r -> r.history().size() > MAX).toList();
    if (thinned.isEmpty()) {
      return "";
    }
    TrialResult most =
        thinned.stream().max(Comparator.comparingInt(r -> r.history().size())).orElseThrow();
    return String.format(
        Locale.ROOT,
        " %,d trial(s) reported more than %,d epochs (trial %s: %,d), so their lines are drawn"
            + " from %,d of them spread evenly, with the epoch each is judged at; results.json"
            + " holds every one.",
        thinned.size(),
        MAX,
        most.trial().id(),
        most.history().size(),
        MAX);
  }
}
