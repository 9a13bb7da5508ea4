package dev.tunebeam.transforms.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.beam.sdk.annotations.Internal;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The leaderboard as {@code results.csv}, {@code results.json} and {@code results.md}; the columns
 * are {@link LeaderboardColumns}'.
 */
@Internal
public final class LeaderboardFormats {
  private LeaderboardFormats() {}

  public static List<String> header(Leaderboard board) {
    return LeaderboardColumns.header(board);
  }

  /** One row per trial, in rank order, as the CSV and Markdown show it. */
  public static List<List<String>> rows(Leaderboard board) {
    return LeaderboardColumns.rows(board);
  }

  public static byte[] csv(Leaderboard board) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer =
        new CSVPrinter(
            out,
            CSVFormat.RFC4180.builder().setHeader(header(board).toArray(String[]::new)).get())) {
      for (List<String> row : rows(board)) {
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] json(Leaderboard board, String study) {
    return LeaderboardJson.write(board, study);
  }

  /** As {@link #json(Leaderboard, String)}, with figures of the run added to the root object. */
  public static byte[] json(Leaderboard board, String study, Consumer<ObjectNode> extra) {
    return LeaderboardJson.write(board, study, extra);
  }

  public static byte[] markdown(Leaderboard board, String study) {
    StringBuilder md =
        new StringBuilder("# ")
            .append(study)
            .append(": ")
            .append(board.ranked().size())
            .append(" trials, ranked by ")
            .append(board.objectives().describe())
            .append(
                board.objectives().several()
                    ? " (Pareto front, then crowding distance; front 1 is the Pareto front)"
                    : "")
            .append("\n\n");
    board.selectionWarning().ifPresent(w -> md.append("**").append(w).append("**\n\n"));
    board.unreportedObjective().ifPresent(w -> md.append("**").append(w).append("**\n\n"));
    List<String> header = header(board);
    md.append("| ").append(String.join(" | ", header)).append(" |\n");
    md.append("|").append("---|".repeat(header.size())).append('\n');
    for (List<String> row : rows(board)) {
      md.append("| ")
          .append(String.join(" | ", row.stream().map(LeaderboardFormats::cell).toList()))
          .append(" |\n");
    }
    return md.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The top {@code n} rows as aligned text for a console; the long error column is cut to 60
   * characters.
   */
  public static String table(List<String> header, List<List<String>> allRows, int n) {
    List<List<String>> rows =
        allRows.stream()
            .limit(n)
            .map(
                r -> r.stream().map(c -> c.length() > 60 ? c.substring(0, 57) + "..." : c).toList())
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
      s.append(String.format(Locale.ROOT, "%-" + width[c] + "s", cells.get(c)))
          .append(c + 1 < cells.size() ? "  " : "\n");
    }
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
