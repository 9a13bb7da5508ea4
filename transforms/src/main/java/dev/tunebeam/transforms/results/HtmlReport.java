package dev.tunebeam.transforms.results;

import dev.tunebeam.transforms.study.TrialResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import org.apache.beam.sdk.annotations.Internal;

/**
 * {@code report.html}: one file that opens offline from disk or a bucket, drawn by ECharts (inlined
 * from the {@code org.webjars.npm:echarts} jar). It shows Optuna's four first views (optimisation
 * history with best-so-far, against trial number and against model-epochs spent, intermediate
 * values of any reported metric, parallel coordinates with brushing, parameter importance), with
 * several objectives the Pareto front ({@link ParetoSection}), and a sortable leaderboard with
 * links to each trial's files. ECharts was chosen because Maven Central serves it (Plotly is not
 * served here), it is maintained by Apache, and its parallel coordinates brush out of the box.
 *
 * <p>Its Content-Security-Policy allows only the page's own two scripts (by hash), forbids every
 * fetch, and the data sits in a JSON element that is parsed, never run: a hostile parameter value
 * can neither execute nor reach out.
 */
@Internal
public final class HtmlReport {
  public static final String FILE_NAME = "report.html";
  static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
  static final String SCRIPT = "/dev/tunebeam/transforms/results/report.js";

  private HtmlReport() {}

  /**
   * As {@link #render(Leaderboard, String, String)} for a report whose trial files are not linked.
   */
  public static byte[] render(Leaderboard board, String study) {
    return render(board, study, null);
  }

  /**
   * {@code outputDirectory}: where the report is written; trial folders under it are linked
   * relatively.
   */
  public static byte[] render(Leaderboard whole, String study, String outputDirectory) {
    // A study of thousands of trials is drawn from a sample (ReportScope), so the page opens.
    Leaderboard board = ReportScope.drawn(whole);
    String echarts = resource(ECHARTS);
    String script = resource(SCRIPT);
    StringBuilder html = new StringBuilder(echarts.length() + 64 * 1024);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '")
        .append(sha256(echarts))
        .append("' '")
        .append(sha256(script))
        .append("'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(Html.escape(study))
        .append(" · tunebeam report</title>\n")
        .append("<style>\n")
        .append(ReportStyle.CSS)
        .append("</style>\n</head>\n<body>\n");
    html.append("<header>\n<h1>")
        .append(Html.escape(study))
        .append("</h1>\n<p class=\"summary\">")
        .append(summary(whole))
        .append(Html.escape(ReportScope.note(whole)))
        .append("</p>\n")
        .append(
            "<noscript><p class=\"noscript\">The charts need JavaScript; the leaderboard below does not.</p></noscript>\n</header>\n");
    String objective = Html.escape(ObjectiveLabel.of(board.objective()));
    html.append(ParetoSection.render(board));
    section(
        html,
        "history",
        "Optimisation history",
        "Each dot is a trial's " + objective + "; the line is the best so far.",
        "");
    section(
        html,
        "budget",
        "Best so far against model-epochs",
        "The same history against compute: every epoch a trial trained counts once "
            + "(a trial a schedule stopped counts the epochs it reached, a trial continued from its checkpoint each rung's new epochs). "
            + "Results carry no clock, so training is replayed rung by rung (a rung is a barrier) and by trial number within a rung. "
            + "Filled dots are trials' results as the leaderboard has them; hollow ones are rung results of trials that trained on.",
        "");
    section(
        html,
        "intermediate",
        "Intermediate values",
        "One line per trial, per epoch; a red triangle marks where a schedule stopped a trial. Hover a line to pick it out."
            + Html.escape(CurvePoints.note(board)),
        "<div class=\"controls\"><label>Metric <select id=\"metric-select\"></select></label></div>");
    section(
        html,
        "parallel",
        "Parallel coordinates",
        "One line per trial through the parameters that vary (most important first) to its "
            + objective
            + ", coloured by it. Drag along an axis to keep only the lines inside; click the axis outside the selection to clear it.",
        "");
    section(
        html,
        "importance",
        "Parameter importance",
        "Share of the variance of "
            + objective
            + " explained by each parameter alone "
            + "(fANOVA's first-order effect, computed on the trials; bars are normalised to sum to 100%; 'alone' is the share of all variance, the rest being interactions and noise).",
        "");
    html.append(
            "<section id=\"leaderboard\">\n<h2>Leaderboard</h2>\n<p class=\"note\">Click a column heading to sort.</p>\n")
        .append(LeaderboardTable.render(board, outputDirectory))
        .append("</section>\n");
    html.append(
        "<footer>Written by tunebeam. Failed and skipped trials are in the leaderboard and left out of the charts.</footer>\n");
    html.append("<script type=\"application/json\" id=\"report-data\">")
        .append(ReportJson.of(board, study))
        .append("</script>\n");
    html.append("<script>").append(echarts).append("</script>\n");
    html.append("<script>").append(script).append("</script>\n");
    html.append("</body>\n</html>\n");
    return html.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void section(
      StringBuilder html, String id, String title, String note, String controls) {
    html.append("<section id=\"")
        .append(id)
        .append("\">\n<h2>")
        .append(title)
        .append("</h2>\n<p class=\"note\">")
        .append(note)
        .append("</p>\n")
        .append(controls)
        .append("<div class=\"chart\" id=\"chart-")
        .append(id)
        .append("\"></div>\n</section>\n");
  }

  private static String summary(Leaderboard board) {
    StringBuilder s = new StringBuilder();
    s.append(board.ranked().size())
        .append(" trials: ")
        .append(board.succeeded())
        .append(" succeeded, ")
        .append(board.failed())
        .append(" failed")
        .append(board.skipped() > 0 ? ", " + board.skipped() + " skipped" : "")
        .append(
            board.stopped() > 0 ? ", " + board.stopped() + " stopped early by the schedule" : "")
        .append("; ranked by ")
        .append(Html.escape(board.objectives().describe()))
        .append(board.objectives().several() ? " (Pareto front, then crowding distance)" : "")
        .append('.');
    board
        .unreportedObjective()
        .ifPresent(w -> s.append(" <strong>").append(Html.escape(w)).append("</strong>"));
    Optional<TrialResult> best = board.best();
    best.ifPresent(
        b ->
            s.append(" Best: <strong>")
                .append(Html.escape(b.trial().id()))
                .append("</strong> (")
                .append(Html.escape(b.trial().describe()))
                .append(") with ")
                .append(Html.number(board.objective().of(b)))
                .append('.'));
    return s.toString();
  }

  static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            name
                + " is not on the classpath (org.webjars.npm:echarts and tunebeam-transforms' resources)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A CSP source for an inline script: the hash of exactly the text between its tags. */
  static String sha256(String script) {
    try {
      return "sha256-"
          + Base64.getEncoder()
              .encodeToString(
                  MessageDigest.getInstance("SHA-256")
                      .digest(script.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
