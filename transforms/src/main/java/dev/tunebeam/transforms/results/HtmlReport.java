package dev.tunebeam.transforms.results;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * {@code report.html}: the leaderboard, test accuracy per epoch, a parallel-coordinates plot and
 * the objective by each hyperparameter, in one file that needs no network. The charts are SVG
 * written here rather than a bundled charting library: the file stays small, renders without
 * script, and the same leaderboard always gives the same bytes. Its Content-Security-Policy
 * forbids scripts and every fetch, so nothing in it can reach out even if a value were hostile.
 */
public final class HtmlReport {
  public static final String FILE_NAME = "report.html";

  private HtmlReport() {}

  public static byte[] render(Leaderboard board, String study) {
    List<RankedTrial> plotted = RankedTrial.plotted(board);
    List<String> parameters = board.parameterNames();
    String objective = ObjectiveLabel.of(board.objective());
    StringBuilder html = new StringBuilder(64 * 1024);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(Html.escape(study)).append(" · tunebeam report</title>\n")
        .append("<style>\n").append(ReportStyle.CSS).append("</style>\n</head>\n<body>\n");

    html.append("<header>\n<h1>").append(Html.escape(study)).append("</h1>\n<p class=\"summary\">")
        .append(summary(board)).append("</p>\n</header>\n");

    html.append("<section id=\"leaderboard\">\n<h2>Leaderboard</h2>\n").append(LeaderboardTable.render(board)).append("</section>\n");

    html.append("<section id=\"epochs\">\n<h2>Test accuracy per epoch</h2>\n")
        .append("<p class=\"note\">One line per successful trial; hover a line or point for its trial.</p>\n")
        .append(EpochChart.render(plotted, board.objective())).append("</section>\n");

    html.append("<section id=\"parallel\">\n<h2>Hyperparameters against ").append(Html.escape(objective)).append("</h2>\n")
        .append("<p class=\"note\">Each line is a trial, through its value on every hyperparameter axis to its ")
        .append(Html.escape(objective)).append(" on the last; darker lines did better.</p>\n")
        .append(ParallelCoordinatesChart.render(plotted, parameters, board.objective())).append("</section>\n");

    html.append("<section id=\"by-parameter\">\n<h2>").append(Html.escape(capitalized(objective))).append(" by hyperparameter</h2>\n")
        .append("<p class=\"note\">Dots are trials, bars the mean and triangles the best for each value.</p>\n")
        .append(ParameterEffectChart.render(plotted, parameters, board.objective())).append("</section>\n");

    html.append("<footer>Written by tunebeam. Failed and skipped trials are listed in the leaderboard and left out of the plots.</footer>\n")
        .append("</body>\n</html>\n");
    return html.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String summary(Leaderboard board) {
    StringBuilder s = new StringBuilder();
    s.append(board.ranked().size()).append(" trials: ").append(board.succeeded()).append(" succeeded, ").append(board.failed())
        .append(" failed").append(board.skipped() > 0 ? ", " + board.skipped() + " skipped" : "").append("; ranked by ").append(Html.escape(ObjectiveLabel.of(board.objective()))).append('.');
    Optional<TrialResult> best = board.best();
    best.ifPresent(b -> s.append(" Best: <strong>").append(Html.escape(b.trial().id())).append("</strong> (")
        .append(Html.escape(b.trial().describe())).append(") with ").append(Html.number(board.objective().of(b))).append('.'));
    return s.toString();
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
