package dev.tunebeam.pipeline.simulate;

import dev.tunebeam.transforms.search.replay.AlgorithmFigures;
import dev.tunebeam.transforms.search.replay.Replay;
import dev.tunebeam.transforms.search.replay.Target;
import dev.tunebeam.transforms.space.AlgorithmSettings;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** What {@code simulate} prints: the recording, the target, one row per algorithm. */
final class SimulationTable {
  private SimulationTable() {}

  static void print(
      Replay replay,
      Target target,
      List<AlgorithmFigures> rows,
      int seeds,
      long budget,
      double seconds,
      PrintStream out) {
    var recording = replay.recording();
    out.printf(
        Locale.ROOT,
        "Replaying study %s on %d recorded trials of %s (%s)%n",
        replay.space().study(),
        recording.trials().size(),
        recording.study(),
        recording.source());
    out.printf(
        Locale.ROOT,
        "Recorded best: %s %.4f (%s); a trial counts as found at %s %.4f (tolerance %s),"
            + " judged on the epochs it trained so far%n",
        target.objective().metric(),
        target.best(),
        searched(replay, target),
        target.objective().maximize() ? ">=" : "<=",
        target.threshold(),
        trim(target.tolerance()));
    out.printf(
        Locale.ROOT,
        "%d seeds each; medians over seeds. Trials are counted in the order one worker trains them:"
            + " stages in order, a stage's trials in the order the algorithm lists them.%n%n",
        seeds);
    String bestColumn = budget > 0 ? "best in " + budget + " m-e" : "best found";
    out.printf(
        Locale.ROOT,
        "%-10s %-28s %6s %7s %13s %9s %12s %14s%n",
        "algorithm",
        "settings",
        "found",
        "trials",
        "model-epochs",
        "hours",
        bestColumn,
        "whole study");
    for (AlgorithmFigures f : rows) {
      out.printf(
          Locale.ROOT,
          "%-10s %-28s %6s %7s %13s %9s %12s %14s%n",
          f.settings().key(),
          settings(f.settings()),
          f.found() + "/" + f.seeds(),
          count(f.trialsToTarget()),
          count(f.modelEpochsToTarget()),
          Double.isInfinite(f.secondsToTarget())
              ? "-"
              : String.format(Locale.ROOT, "%.2f", f.secondsToTarget() / 3600),
          Double.isInfinite(f.bestWithinBudget())
              ? "none"
              : String.format(Locale.ROOT, "%.4f", f.bestWithinBudget()),
          count(f.trials()) + " / " + count(f.modelEpochs()));
    }
    out.printf(
        Locale.ROOT,
        "%ntrials, model-epochs, hours: until a trial within the tolerance was found (- when fewer"
            + " than half the seeds found one); hours are the recording's own epoch times; whole"
            + " study: trials / model-epochs it trains. Replayed in %.1f s.%n",
        seconds);
  }

  /** The winner's searched values (its fixed ones are the space's). */
  private static String searched(Replay replay, Target target) {
    StringBuilder s = new StringBuilder();
    for (var p : replay.space().parameters()) {
      String v = target.winner().get(p.name());
      if (v != null) {
        s.append(s.length() == 0 ? "" : ", ").append(p.name()).append('=').append(v);
      }
    }
    return s.length() == 0 ? target.winner().describe() : s.toString();
  }

  /** {@code HalvingSettings[eta=3, minEpochs=1, samples=0]} as {@code eta=3 minEpochs=1 ...}. */
  static String settings(AlgorithmSettings s) {
    String text = s.toString().replaceFirst("^[^\\[]*\\[", "").replaceFirst("]$", "");
    return text.isBlank() ? "-" : text.replace(", ", " ");
  }

  private static String count(double v) {
    if (Double.isInfinite(v)) {
      return "-";
    }
    return v == Math.rint(v)
        ? String.format(Locale.ROOT, "%.0f", v)
        : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String trim(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
