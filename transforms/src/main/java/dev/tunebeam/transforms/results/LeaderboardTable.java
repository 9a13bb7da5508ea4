package dev.tunebeam.transforms.results;

import java.util.List;

/** The leaderboard as an HTML table: the same columns and cells as results.csv, failed and skipped trials marked. */
final class LeaderboardTable {
  private LeaderboardTable() {}

  static String render(Leaderboard board) {
    List<String> header = LeaderboardFormats.header(board);
    StringBuilder html = new StringBuilder("<div class=\"table-wrap\"><table class=\"leaderboard\">\n<thead><tr>");
    for (String h : header) {
      html.append("<th").append(LeaderboardColumns.numeric(board, h) ? " class=\"num\"" : "").append('>').append(Html.escape(h)).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    List<List<String>> rows = LeaderboardFormats.rows(board);
    for (int i = 0; i < rows.size(); i++) {
      TrialResult r = board.ranked().get(i);
      html.append("<tr data-trial=\"").append(Html.escape(r.trial().id())).append('"')
          .append(r.succeeded() ? "" : " class=\"" + r.status().name().toLowerCase(java.util.Locale.ROOT) + "\"").append('>');
      List<String> row = rows.get(i);
      for (int c = 0; c < row.size(); c++) {
        String h = header.get(c);
        String cls = LeaderboardColumns.numeric(board, h) ? "num" : h.equals("error") ? "error" : null;
        html.append("<td").append(cls == null ? "" : " class=\"" + cls + "\"").append('>').append(Html.escape(row.get(c))).append("</td>");
      }
      html.append("</tr>\n");
    }
    return html.append("</tbody>\n</table></div>\n").toString();
  }
}
