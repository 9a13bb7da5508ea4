package dev.tunebeam.transforms.results;

import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.TrialResult;
import java.util.List;
import java.util.Locale;

/**
 * The report's section for a study with several objectives: for two, a scatter of every trial in
 * the plane of the two objectives with the Pareto front drawn as a line (the report's script draws
 * it from the data); for more, where a plane cannot show them, the front's trials as a table. Empty
 * for one objective.
 */
final class ParetoSection {
  private ParetoSection() {}

  static String render(Leaderboard board) {
    Objectives objectives = board.objectives();
    if (!objectives.several()) {
      return "";
    }
    StringBuilder html = new StringBuilder("<section id=\"pareto\">\n<h2>Pareto front</h2>\n");
    html.append("<p class=\"note\">")
        .append(
            "No trial on the front is beaten in every objective by another; front 2 is beaten"
                + " only by front 1, and so on. The leaderboard ranks by front, then by crowding"
                + " distance (the front's ends and lonely points first), as NSGA-II does.")
        .append("</p>\n");
    if (objectives.size() == 2) {
      return html.append("<div class=\"chart\" id=\"chart-pareto\"></div>\n</section>\n")
          .toString();
    }
    html.append("<div class=\"table-wrap\"><table class=\"leaderboard\" id=\"pareto-table\">\n")
        .append("<thead><tr><th class=\"num\">rank</th><th>trial_id</th><th>parameters</th>");
    for (Objective o : objectives.all()) {
      html.append("<th class=\"num\">")
          .append(Html.escape(o.metric()))
          .append(" (")
          .append(o.goal().name().toLowerCase(Locale.ROOT))
          .append(")</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    int[] fronts = board.fronts();
    List<TrialResult> ranked = board.ranked();
    for (int i = 0; i < ranked.size(); i++) {
      if (fronts[i] != 1) {
        continue;
      }
      TrialResult r = ranked.get(i);
      html.append("<tr><td class=\"num\">")
          .append(i + 1)
          .append("</td><td>")
          .append(Html.escape(r.trial().id()))
          .append("</td><td>")
          .append(Html.escape(r.trial().describe()))
          .append("</td>");
      for (String metric : objectives.metrics()) {
        html.append("<td class=\"num\">")
            .append(Html.number(r.judgement().value(metric)))
            .append("</td>");
      }
      html.append("</tr>\n");
    }
    return html.append("</tbody>\n</table></div>\n</section>\n").toString();
  }
}
