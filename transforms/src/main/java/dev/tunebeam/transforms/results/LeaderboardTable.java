package dev.tunebeam.transforms.results;

import dev.tunebeam.transforms.study.TrialResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The leaderboard as an HTML table: the same columns and cells as results.csv, failed and skipped
 * trials marked, plus links to each trial's files. A column whose cells are all numbers is
 * right-aligned and sorts numerically (the script sorts; the table reads without it).
 */
final class LeaderboardTable {
  private LeaderboardTable() {}

  static String render(Leaderboard board, String outputDirectory) {
    List<String> header = LeaderboardFormats.header(board);
    List<List<String>> rows = LeaderboardFormats.rows(board);
    List<Boolean> numeric = new ArrayList<>();
    header.forEach(h -> numeric.add(LeaderboardColumns.numeric(board, h)));
    StringBuilder html =
        new StringBuilder(
            "<div class=\"table-wrap\"><table class=\"leaderboard\" id=\"leaderboard-table\">\n<thead><tr>");
    for (int c = 0; c < header.size(); c++) {
      html.append("<th class=\"sortable")
          .append(numeric.get(c) ? " num" : "")
          .append("\" data-type=\"")
          .append(numeric.get(c) ? "number" : "text")
          .append("\">")
          .append(Html.escape(header.get(c)))
          .append("</th>");
    }
    html.append("<th>files</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < rows.size(); i++) {
      TrialResult r = board.ranked().get(i);
      html.append("<tr data-trial=\"")
          .append(Html.escape(r.trial().id()))
          .append('"')
          .append(
              r.succeeded() ? "" : " class=\"" + r.status().name().toLowerCase(Locale.ROOT) + "\"")
          .append('>');
      List<String> row = rows.get(i);
      for (int c = 0; c < row.size(); c++) {
        String cls = numeric.get(c) ? "num" : header.get(c).equals("error") ? "error" : null;
        html.append("<td")
            .append(cls == null ? "" : " class=\"" + cls + "\"")
            .append('>')
            .append(Html.escape(row.get(c)))
            .append("</td>");
      }
      html.append("<td class=\"files\">")
          .append(TrialLinks.html(r.location(), outputDirectory))
          .append("</td></tr>\n");
    }
    return html.append("</tbody>\n</table></div>\n").toString();
  }
}
