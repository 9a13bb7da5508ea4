package dev.tunebeam.transforms.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.TrialResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The leaderboard as {@code results.json}: numbers as JSON numbers at full precision (a parameter
 * that reads as a number is one), null where there is no value, each trial with its whole per-epoch
 * history.
 */
final class LeaderboardJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private LeaderboardJson() {}

  static byte[] write(Leaderboard board, String study) {
    return write(board, study, root -> {});
  }

  /** {@code extra} adds the run's own figures to the root object before it is written. */
  static byte[] write(Leaderboard board, String study, Consumer<ObjectNode> extra) {
    ObjectNode root = JSON.createObjectNode();
    root.put("study", study);
    putObjective(root.putObject("objective"), board.objective());
    if (board.objectives().several()) {
      ArrayNode all = root.putArray("objectives");
      board.objectives().all().forEach(o -> putObjective(all.addObject(), o));
    }
    board.selectionWarning().ifPresent(w -> root.put("selection_warning", w));
    board.unreportedObjective().ifPresent(w -> root.put("objective_warning", w));
    root.put("succeeded", board.succeeded());
    root.put("stopped", board.stopped());
    root.put("failed", board.failed());
    root.put("skipped", board.skipped());
    List<Point> points = board.points();
    if (!points.isEmpty()) {
      ArrayNode ps = root.putArray("points");
      for (int i = 0; i < points.size(); i++) {
        Point p = points.get(i);
        ObjectNode n = ps.addObject();
        n.put("point", i + 1);
        ObjectNode params = n.putObject("parameters");
        p.parameters().forEach((k, v) -> putParameter(params, k, v));
        ArrayNode ids = n.putArray("trials");
        p.trials().forEach(t -> ids.add(t.trial().id()));
        for (String metric : board.objectives().metrics()) {
          putNumber(n, "mean_" + metric, p.mean(metric));
          putNumber(n, "std_" + metric, p.std(metric));
        }
        if (!board.objectives().metrics().contains(EpochRecord.TEST_ACCURACY)) {
          putNumber(n, "mean_test_accuracy", p.meanTest());
          putNumber(n, "std_test_accuracy", p.stdTest());
        }
      }
    }
    ArrayNode trials = root.putArray("trials");
    int[] fronts = board.fronts();
    for (int i = 0; i < board.ranked().size(); i++) {
      TrialResult r = board.ranked().get(i);
      ObjectNode t = trials.addObject();
      t.put("rank", i + 1);
      t.put("trial_id", r.trial().id());
      ObjectNode params = t.putObject("parameters");
      r.trial().parameters().forEach((k, v) -> putParameter(params, k, v));
      for (Objective o : board.objectives().all()) {
        putNumber(t, o.column(), r.judgement().value(o.metric()));
      }
      if (board.objectives().several()) {
        if (fronts[i] > 0) {
          t.put(LeaderboardColumns.FRONT, fronts[i]);
        } else {
          t.putNull(LeaderboardColumns.FRONT);
        }
      }
      if (r.chosenEpoch() > 0) {
        t.put(LeaderboardColumns.CHOSEN_EPOCH, r.chosenEpoch());
      } else {
        t.putNull(LeaderboardColumns.CHOSEN_EPOCH);
      }
      putNumber(t, LeaderboardColumns.TEST_AT_CHOSEN, r.testAccuracyAtChosen());
      putNumber(t, LeaderboardColumns.FINAL_TEST, r.finalTestAccuracy());
      t.put("epochs", r.epochs());
      putNumber(t, "seconds", r.wallSeconds());
      putNumber(t, "group_seconds", r.groupWallSeconds());
      t.put("backend", r.backend());
      t.put("device", r.device());
      t.put("status", r.status().name());
      if (!board.note(r).isEmpty()) {
        t.put(LeaderboardColumns.NOTE, board.note(r));
      }
      if (r.reused()) {
        t.put(LeaderboardColumns.REUSED_FROM, r.reusedFrom());
      }
      t.put("error", r.error());
      t.put("location", r.location());
      ArrayNode history = t.putArray("history");
      for (EpochRecord e : r.history()) {
        ObjectNode h = history.addObject();
        h.put("epoch", e.epoch());
        e.metrics().forEach((tag, v) -> putNumber(h, tag, v));
        putNumber(h, "seconds", e.seconds());
      }
    }
    try {
      extra.accept(root);
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void putObjective(ObjectNode node, Objective o) {
    node.put("metric", o.metric());
    node.put("goal", o.goal().name().toLowerCase(Locale.ROOT));
    node.put("measurement", o.measurement().name().toLowerCase(Locale.ROOT));
  }

  /** {@code 0.01} and {@code 64} as numbers, {@code relu} as text. */
  private static void putParameter(ObjectNode node, String key, String value) {
    try {
      BigDecimal number = new BigDecimal(value);
      if (number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
        node.put(key, number.longValueExact());
      } else {
        node.put(key, number);
      }
    } catch (NumberFormatException | ArithmeticException e) {
      node.put(key, value);
    }
  }

  private static void putNumber(ObjectNode node, String key, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      node.putNull(key);
    } else {
      node.put(key, v);
    }
  }
}
