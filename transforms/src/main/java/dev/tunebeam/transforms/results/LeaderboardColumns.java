package dev.tunebeam.transforms.results;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.TrialResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The leaderboard's columns and their cells as results.csv, results.md and the HTML table show
 * them: numbers rounded (accuracies and losses to 4 places, seconds to 1), empty where there is no
 * value. {@code seconds} is the trial's share of its group's wall time, {@code group_seconds} the
 * group's own; {@code note} says {@code at chance} for a trial that learned nothing and {@code
 * reused from STUDY/TRIAL_ID} for a row copied from an earlier study (warm start).
 */
final class LeaderboardColumns {
  public static final String CHOSEN_EPOCH = "chosen_epoch";
  public static final String TEST_AT_CHOSEN = "test_accuracy";
  public static final String FINAL_TEST = "final_test_accuracy";
  public static final String NOTE = "note";
  public static final String FRONT = "front";

  /** The note of a row a warm start copied from an earlier study, before its STUDY/TRIAL_ID. */
  public static final String REUSED_NOTE = "reused from ";

  /** results.json's field holding a copied row's earlier STUDY/TRIAL_ID. */
  public static final String REUSED_FROM = "reused_from";

  private LeaderboardColumns() {}

  public static List<String> header(Leaderboard board) {
    List<String> h = new ArrayList<>(List.of("rank", "trial_id"));
    h.addAll(board.parameterNames());
    h.addAll(objectiveColumns(board.objectives()));
    h.addAll(List.of(CHOSEN_EPOCH, TEST_AT_CHOSEN, FINAL_TEST));
    if (!board.points().isEmpty()) {
      h.addAll(pointColumns(board.objectives()));
    }
    h.addAll(
        List.of(
            "epochs", "seconds", "group_seconds", "backend", "device", "status", NOTE, "error"));
    return h;
  }

  /**
   * Each objective's value ({@code best_val_accuracy}); with several objectives also the trial's
   * non-dominated front ({@code front}, 1 the Pareto front).
   */
  static List<String> objectiveColumns(Objectives objectives) {
    List<String> c = new ArrayList<>();
    objectives.all().forEach(o -> c.add(o.column()));
    if (objectives.several()) {
      c.add(FRONT);
    }
    return c;
  }

  /**
   * With repeats: the trial's point (its rank among points) and the point's mean and spread of each
   * objective and of test accuracy.
   */
  static List<String> pointColumns(Objectives objectives) {
    List<String> c = new ArrayList<>(List.of("point"));
    for (String metric : objectives.metrics()) {
      c.add("mean_" + metric);
      c.add("std_" + metric);
    }
    // With test_accuracy an objective its mean is already there.
    if (!objectives.metrics().contains(EpochRecord.TEST_ACCURACY)) {
      c.addAll(List.of("mean_test_accuracy", "std_test_accuracy"));
    }
    return c;
  }

  /** Whether a column holds numbers (right-aligned in tables). */
  public static boolean numeric(Leaderboard board, String column) {
    return objectiveColumns(board.objectives()).contains(column)
        || List.of(
                "rank",
                CHOSEN_EPOCH,
                TEST_AT_CHOSEN,
                FINAL_TEST,
                "epochs",
                "seconds",
                "group_seconds")
            .contains(column)
        || pointColumns(board.objectives()).contains(column);
  }

  /** One row per trial, in rank order. */
  public static List<List<String>> rows(Leaderboard board) {
    List<List<String>> rows = new ArrayList<>();
    List<String> names = board.parameterNames();
    List<Point> points = board.points();
    int[] fronts = board.fronts();
    Objectives objectives = board.objectives();
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
      for (String metric : objectives.metrics()) {
        row.add(number(r.judgement().value(metric), 4));
      }
      if (objectives.several()) {
        row.add(fronts[i] > 0 ? String.valueOf(fronts[i]) : "");
      }
      row.add(r.chosenEpoch() > 0 ? String.valueOf(r.chosenEpoch()) : "");
      row.add(number(r.testAccuracyAtChosen(), 4));
      row.add(number(r.finalTestAccuracy(), 4));
      if (!points.isEmpty()) {
        Point p = points.get(pointRank.get(Point.key(r)));
        row.add(String.valueOf(pointRank.get(Point.key(r)) + 1));
        for (String metric : objectives.metrics()) {
          row.add(number(p.mean(metric), 4));
          row.add(number(p.std(metric), 4));
        }
        if (!objectives.metrics().contains(EpochRecord.TEST_ACCURACY)) {
          row.add(number(p.meanTest(), 4));
          row.add(number(p.stdTest(), 4));
        }
      }
      row.add(String.valueOf(r.epochs()));
      row.add(number(r.wallSeconds(), 1));
      row.add(number(r.groupWallSeconds(), 1));
      row.add(r.backend());
      row.add(r.device() == null ? "" : r.device());
      row.add(r.status().name());
      row.add(board.note(r));
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
