package dev.tunebeam.transforms.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Objectives;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  final String html =
      new String(
          HtmlReport.render(ReportFixtures.board(), ReportFixtures.STUDY, "/out"),
          StandardCharsets.UTF_8);

  @Test
  void theDataHoldsEveryTrialWithItsMetricsAndTheParametersThatVary() throws Exception {
    JsonNode data = data(html);
    assertEquals("best_val_accuracy", data.at("/objective/name").asText());
    assertEquals("best val_accuracy (maximize)", data.at("/objective/label").asText());
    assertTrue(data.at("/objective/maximize").asBoolean());
    JsonNode trials = data.get("trials");
    assertEquals(7, trials.size(), "failed and skipped trials are in the data too");
    assertEquals("trial0-id", trials.get(0).get("id").asText());
    assertEquals(0.86, trials.get(0).get("objective").asDouble(), 1e-12);
    assertEquals(
        3, trials.get(0).get("chosenEpoch").asInt(), "the best epoch of trial0 is its last");
    assertEquals(List.of(0.78, 0.83, 0.86), doubles(trials.get(0).at("/metrics/val_accuracy")));
    assertEquals(List.of(0.78, 0.83, 0.86), doubles(trials.get(0).at("/metrics/test_accuracy")));
    assertEquals(List.of(0.9, 0.6, 0.5), doubles(trials.get(0).at("/metrics/train_loss")));
    assertEquals(5, count(trials, t -> t.get("plotted").asBoolean()));
    assertTrue(
        trials.get(5).get("objective").isNull(), "a failed trial's objective is null, not NaN");
    assertEquals("FAILED", trials.get(5).get("status").asText());

    List<String> kinds = new ArrayList<>();
    data.get("parameters")
        .forEach(p -> kinds.add(p.get("name").asText() + ":" + p.get("kind").asText()));
    assertEquals(3, kinds.size());
    assertTrue(kinds.contains("learning_rate:log"), "0.001..0.1 spans two decades: " + kinds);
    assertTrue(kinds.contains("optimizer:category"));
    double normalized = 0;
    for (JsonNode s : data.get("importance")) {
      normalized += s.get("normalized").asDouble();
      assertTrue(s.get("share").asDouble() >= 0 && s.get("share").asDouble() <= 1 + 1e-12);
    }
    assertEquals(1, normalized, 1e-9);
    assertEquals(
        data.get("importance").get(0).get("parameter").asText(),
        data.get("parameters").get(0).get("name").asText(),
        "the parallel axes come in order of importance");
    assertEquals(
        "val_accuracy",
        data.get("defaultMetric").asText(),
        "the curves open on the objective's metric");
    List<String> metrics = new ArrayList<>();
    data.get("metrics").forEach(m -> metrics.add(m.asText()));
    assertEquals(
        List.of("train_loss", "train_accuracy", "val_accuracy", "test_accuracy"),
        metrics,
        "every reported tag, built-in order");
  }

  @Test
  void escapesEveryTextItShows() throws Exception {
    assertFalse(html.contains(ReportFixtures.HOSTILE_ACTIVATION));
    assertTrue(
        html.contains(
            "<title>lenet5 &lt;study&gt; &amp; &quot;friends&quot; · tunebeam report</title>"));
    assertTrue(html.contains("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</td>"));
    assertTrue(html.contains("<td class=\"error\">" + Html.escape(ReportFixtures.ERROR) + "</td>"));
    String json = jsonText(html);
    assertFalse(
        json.contains("<") || json.contains(">") || json.contains("&"),
        "the JSON cannot end its script element");
    assertTrue(
        data(html).toString().contains(ReportFixtures.HOSTILE_ACTIVATION),
        "the value itself survives as data");
  }

  @Test
  void onlyThePagesOwnScriptsMayRunAndNothingMayBeFetched() throws Exception {
    Matcher csp = Pattern.compile("Content-Security-Policy\" content=\"([^\"]*)\"").matcher(html);
    assertTrue(csp.find());
    String policy = csp.group(1);
    assertTrue(policy.startsWith("default-src 'none'; "), policy);
    assertFalse(
        policy.contains("unsafe-inline'; script") || policy.matches(".*script-src[^;]*unsafe.*"),
        policy);
    Matcher scripts = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
    int n = 0;
    while (scripts.find()) {
      assertTrue(
          policy.contains("'" + HtmlReport.sha256(scripts.group(1)) + "'"),
          "script " + n + " is allowed by its hash");
      n++;
    }
    assertEquals(2, n, "ECharts and the report's script");
    assertFalse(
        Pattern.compile("<(script|link|img|iframe)[^>]*\\s(src|href)=", Pattern.CASE_INSENSITIVE)
            .matcher(html.replaceAll("(?s)<script>.*?</script>", ""))
            .find(),
        "nothing loaded from elsewhere");
  }

  @Test
  void theTableLinksEachTrialsFilesRelatively() {
    assertTrue(
        html.contains(
            "<a href=\"trials/trial0-id/metrics.json\">metrics.json</a><a href=\"trials/trial0-id/\">folder</a>"),
        "local trial");
    assertTrue(
        html.contains("<span class=\"muted\">job/1</span>"), "a Vertex job is named, not linked");
    assertEquals("trials/a%20b/x", TrialLinks.relative("gs://b/s/trials/a b/x", "gs://b/s"));
    assertNull(TrialLinks.relative("/out/../etc", "/out"));
    assertNull(TrialLinks.relative("/elsewhere/trials/x", "/out"));
    assertEquals(7, count(html, "<tr data-trial="), "every trial has a row");
    assertTrue(
        html.contains(
            "7 trials: 5 succeeded, 1 failed, 1 skipped; ranked by best val_accuracy (maximize)."),
        html.substring(0, 3000));
  }

  @Test
  void theSameLeaderboardGivesTheSameBytes() {
    assertArrayEquals(
        HtmlReport.render(ReportFixtures.board(), ReportFixtures.STUDY),
        HtmlReport.render(ReportFixtures.board(), ReportFixtures.STUDY));
  }

  @Test
  void aStudyWithoutSuccessStillRenders() throws Exception {
    Leaderboard failedOnly =
        Leaderboard.rank(List.of(ReportFixtures.board().ranked().get(5)), Objective.DEFAULT);
    String page = new String(HtmlReport.render(failedOnly, "s"), StandardCharsets.UTF_8);
    JsonNode data = data(page);
    assertEquals(0, data.get("parameters").size());
    assertEquals(0, data.get("importance").size());
    assertTrue(page.contains("class=\"failed\""));
  }

  @Test
  void escapeCoversMarkupQuotesAndControlCharacters() {
    assertEquals("a&amp;b&lt;c&gt;d&quot;e&#39;f\uFFFDg\nh", Html.escape("a&b<c>d\"e'f\u0007g\nh"));
    assertEquals("", Html.escape(null));
  }

  static String jsonText(String html) {
    Matcher m =
        Pattern.compile(
                "<script type=\"application/json\" id=\"report-data\">(.*?)</script>",
                Pattern.DOTALL)
            .matcher(html);
    assertTrue(m.find(), "the report carries its data");
    return m.group(1);
  }

  static JsonNode data(String html) throws Exception {
    return new ObjectMapper().readTree(jsonText(html));
  }

  static List<Double> doubles(JsonNode array) {
    List<Double> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asDouble()));
    return out;
  }

  static int count(JsonNode array, java.util.function.Predicate<JsonNode> p) {
    int n = 0;
    for (JsonNode t : array) {
      n += p.test(t) ? 1 : 0;
    }
    return n;
  }

  static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void severalObjectivesAddAParetoSectionAScatterForTwoAndATableForMore() {
    Leaderboard one = ReportFixtures.board();
    assertTrue(
        !new String(HtmlReport.render(one, "s"), StandardCharsets.UTF_8).contains("id=\"pareto\""));
    Leaderboard two =
        Leaderboard.rank(MultiObjectiveRankingTest.study(3, 12), MultiObjectiveRankingTest.TWO);
    String twoHtml = new String(HtmlReport.render(two, "s"), StandardCharsets.UTF_8);
    assertTrue(twoHtml.contains("<div class=\"chart\" id=\"chart-pareto\">"), twoHtml);
    assertTrue(twoHtml.contains("\"front\":1"), "the data holds each trial's front");
    Objectives three =
        new Objectives(
            List.of(
                Objective.DEFAULT,
                MultiObjectiveRankingTest.SECONDS,
                new Objective("train_loss", Objective.Goal.MINIMIZE, Objective.Measurement.BEST)));
    Leaderboard board = Leaderboard.rank(MultiObjectiveRankingTest.study(3, 12), three);
    String html = new String(HtmlReport.render(board, "s"), StandardCharsets.UTF_8);
    assertTrue(!html.contains("id=\"chart-pareto\""), "no plane holds three objectives");
    String table =
        html.substring(
            html.indexOf("id=\"pareto-table\""),
            html.indexOf("</table>", html.indexOf("id=\"pareto-table\"")));
    long onFront = java.util.Arrays.stream(board.fronts()).filter(f -> f == 1).count();
    assertEquals(onFront, table.split("<tr><td").length - 1, table);
    assertTrue(table.contains("train_loss (minimize)"), table);
  }
}
