package dev.tunebeam.transforms.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The leaderboard as {@code results.csv}, {@code results.json} and {@code results.md}. Columns:
 * rank, trial id, one per hyperparameter, best and final test accuracy, final train loss,
 * epochs, seconds, backend, device, status, error.
 */
public final class LeaderboardFormats {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private LeaderboardFormats() {}

  public static List<String> header(Leaderboard board) {
    List<String> h = new ArrayList<>(List.of("rank", "trial_id"));
    h.addAll(board.parameterNames());
    h.addAll(List.of("best_test_accuracy", "final_test_accuracy", "final_train_loss", "epochs", "seconds", "backend", "device", "status", "error"));
    return h;
  }

  /** One row per trial, in rank order, as the CSV and Markdown show it. */
  public static List<List<String>> rows(Leaderboard board) {
    List<List<String>> rows = new ArrayList<>();
    List<String> names = board.parameterNames();
    for (int i = 0; i < board.ranked().size(); i++) {
      TrialResult r = board.ranked().get(i);
      List<String> row = new ArrayList<>();
      row.add(String.valueOf(i + 1));
      row.add(r.trial().id());
      for (String n : names) {
        String v = r.trial().get(n);
        row.add(v == null ? "" : v);
      }
      row.add(number(r.bestTestAccuracy(), 4));
      row.add(number(r.finalTestAccuracy(), 4));
      row.add(number(r.finalTrainLoss(), 4));
      row.add(String.valueOf(r.epochs()));
      row.add(number(r.wallSeconds(), 1));
      row.add(r.backend());
      row.add(r.device() == null ? "" : r.device());
      row.add(r.status().name());
      row.add(r.error() == null ? "" : r.error());
      rows.add(row);
    }
    return rows;
  }

  public static byte[] csv(Leaderboard board) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header(board).toArray(String[]::new)).get())) {
      for (List<String> row : rows(board)) {
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] json(Leaderboard board, String study) {
    ObjectNode root = JSON.createObjectNode();
    root.put("study", study);
    root.put("objective", board.objective().key());
    root.put("succeeded", board.succeeded());
    root.put("failed", board.failed());
    root.put("skipped", board.skipped());
    ArrayNode trials = root.putArray("trials");
    for (int i = 0; i < board.ranked().size(); i++) {
      TrialResult r = board.ranked().get(i);
      ObjectNode t = trials.addObject();
      t.put("rank", i + 1);
      t.put("trial_id", r.trial().id());
      ObjectNode params = t.putObject("parameters");
      r.trial().parameters().forEach(params::put);
      putNumber(t, "best_test_accuracy", r.bestTestAccuracy());
      putNumber(t, "final_test_accuracy", r.finalTestAccuracy());
      putNumber(t, "final_train_loss", r.finalTrainLoss());
      t.put("epochs", r.epochs());
      putNumber(t, "seconds", r.wallSeconds());
      t.put("backend", r.backend());
      t.put("device", r.device());
      t.put("status", r.status().name());
      t.put("error", r.error());
      t.put("location", r.location());
      ArrayNode history = t.putArray("history");
      for (EpochResult e : r.history()) {
        ObjectNode h = history.addObject();
        h.put("epoch", e.epoch());
        putNumber(h, "train_loss", e.trainLoss());
        putNumber(h, "train_accuracy", e.trainAccuracy());
        putNumber(h, "test_accuracy", e.testAccuracy());
        putNumber(h, "seconds", e.seconds());
      }
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static byte[] markdown(Leaderboard board, String study) {
    StringBuilder md = new StringBuilder("# ").append(study).append(": ").append(board.ranked().size()).append(" trials, ranked by ")
        .append(board.objective().key()).append("\n\n");
    List<String> header = header(board);
    md.append("| ").append(String.join(" | ", header)).append(" |\n");
    md.append("|").append("---|".repeat(header.size())).append('\n');
    for (List<String> row : rows(board)) {
      md.append("| ").append(String.join(" | ", row.stream().map(LeaderboardFormats::cell).toList())).append(" |\n");
    }
    return md.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The top {@code n} rows as aligned text for a console; the long error column is cut to 60 characters. */
  public static String table(List<String> header, List<List<String>> allRows, int n) {
    List<List<String>> rows = allRows.stream().limit(n)
        .map(r -> r.stream().map(c -> c.length() > 60 ? c.substring(0, 57) + "..." : c).toList())
        .toList();
    int[] width = new int[header.size()];
    for (int c = 0; c < header.size(); c++) {
      width[c] = header.get(c).length();
      for (List<String> r : rows) {
        width[c] = Math.max(width[c], r.get(c).length());
      }
    }
    StringBuilder s = new StringBuilder();
    appendRow(s, header, width);
    rows.forEach(r -> appendRow(s, r, width));
    return s.toString();
  }

  private static void appendRow(StringBuilder s, List<String> cells, int[] width) {
    for (int c = 0; c < cells.size(); c++) {
      s.append(String.format(Locale.ROOT, "%-" + width[c] + "s", cells.get(c))).append(c + 1 < cells.size() ? "  " : "\n");
    }
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }

  private static String number(double v, int decimals) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  private static void putNumber(ObjectNode node, String key, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      node.putNull(key);
    } else {
      node.put(key, v);
    }
  }
}
