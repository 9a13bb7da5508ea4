package dev.tunebeam.transforms.results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The leaderboard's columns and their cells as results.csv, results.md and the HTML table show
 * them: numbers rounded (accuracies and losses to 4 places, seconds to 1), empty where there is no
 * value. {@code seconds} is the trial's share of its group's wall time, {@code group_seconds} the
 * group's own; {@code note} says {@code at chance} for a trial that learned nothing.
 */
public final class LeaderboardColumns {
  public static final String CHOSEN_EPOCH = "chosen_epoch";
  public static final String TEST_AT_CHOSEN = "test_accuracy";
  public static final String FINAL_TEST = "final_test_accuracy";
  public static final String NOTE = "note";

  private LeaderboardColumns() {}

  public static List<String> header(Leaderboard board) {
    List<String> h = new ArrayList<>(List.of("rank", "trial_id"));
    h.addAll(board.parameterNames());
    h.addAll(List.of(board.objective().column(), CHOSEN_EPOCH, TEST_AT_CHOSEN, FINAL_TEST));
    if (!board.points().isEmpty()) {
      h.addAll(pointColumns(board.objective()));
    }
    h.addAll(
        List.of(
            "epochs", "seconds", "group_seconds", "backend", "device", "status", NOTE, "error"));
    return h;
  }

  /** With repeats: the trial's point (its rank among points) and the point's mean and spread. */
  static List<String> pointColumns(Objective objective) {
    return List.of(
        "point",
        "mean_" + objective.metric(),
        "std_" + objective.metric(),
        "mean_test_accuracy",
        "std_test_accuracy");
  }

  /** Whether a column holds numbers (right-aligned in tables). */
  public static boolean numeric(Leaderboard board, String column) {
    return List.of(
                "rank",
                board.objective().column(),
                CHOSEN_EPOCH,
                TEST_AT_CHOSEN,
                FINAL_TEST,
                "epochs",
                "seconds",
                "group_seconds")
            .contains(column)
        || pointColumns(board.objective()).contains(column);
  }

  /** One row per trial, in rank order. */
  public static List<List<String>> rows(Leaderboard board) {
    List<List<String>> rows = new ArrayList<>();
    List<String> names = board.parameterNames();
    List<Point> points = board.points();
    Map<Map<String, String>, Integer> pointRank = new HashMap<>();
    for (int p = 0; p < points.size(); p++) {
      pointRank.put(points.get(p).parameters(), p);
    }
    for (int i = 0; i < board.ranked().size(); i++) {
      TrialResult r = board.ranked().get(i);
      List<String> row = new ArrayList<>();
      row.add(String.valueOf(i + 1));
      row.add(r.trial().id());
      for (String n : names) {
        String v = r.trial().get(n);
        row.add(v == null ? "" : v);
      }
      row.add(number(r.objectiveValue(), 4));
      row.add(r.chosenEpoch() > 0 ? String.valueOf(r.chosenEpoch()) : "");
      row.add(number(r.testAccuracyAtChosen(), 4));
      row.add(number(r.finalTestAccuracy(), 4));
      if (!points.isEmpty()) {
        Point p = points.get(pointRank.get(Point.key(r)));
        row.add(String.valueOf(pointRank.get(Point.key(r)) + 1));
        row.add(number(p.meanObjective(), 4));
        row.add(number(p.stdObjective(), 4));
        row.add(number(p.meanTest(), 4));
        row.add(number(p.stdTest(), 4));
      }
      row.add(String.valueOf(r.epochs()));
      row.add(number(r.wallSeconds(), 1));
      row.add(number(r.groupWallSeconds(), 1));
      row.add(r.backend());
      row.add(r.device() == null ? "" : r.device());
      row.add(r.status().name());
      row.add(board.atChance(r) ? ChanceLevel.NOTE : "");
      row.add(r.error() == null ? "" : r.error());
      rows.add(row);
    }
    return rows;
  }

  static String number(double v, int decimals) {
    return Double.isNaN(v) || Double.isInfinite(v)
        ? ""
        : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
