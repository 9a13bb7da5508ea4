package dev.tunebeam.transforms.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HtmlReportTest {
  static final String SVG_NS = "http://www.w3.org/2000/svg";

  final String html = new String(HtmlReport.render(ReportFixtures.board(), ReportFixtures.STUDY), StandardCharsets.UTF_8);

  @Test
  void everyChartIsWellFormedSvgWithOneMarkPerTrial() throws Exception {
    List<Document> charts = svgs(html);
    assertEquals(1 + 1 + ReportFixtures.PARAMETERS, charts.size(), "epochs, parallel coordinates, one panel per parameter");

    List<Element> series = byClass(charts.get(0), "path", "series");
    assertEquals(ReportFixtures.SUCCEEDED, series.size());
    // Ranked by best validation accuracy (equal to test accuracy in these fixtures): trial0 (0.86), trial4 (0.845), trial1, trial2, trial3.
    assertEquals(List.of("trial3-id", "trial2-id", "trial1-id", "trial4-id", "trial0-id"),
        series.stream().map(e -> e.getAttribute("data-trial")).toList(), "worst drawn first, best last on top");
    for (Element s : series) {
      assertEquals(3, s.getAttribute("d").split("L").length, "three epochs: " + s.getAttribute("d"));
    }
    assertEquals(ReportFixtures.SUCCEEDED * 3, byClass(charts.get(0), "circle", "point").size());
    assertEquals("series best", series.get(series.size() - 1).getAttribute("class"));

    List<Element> lines = byClass(charts.get(1), "path", "pc-line");
    assertEquals(ReportFixtures.SUCCEEDED, lines.size());
    for (Element l : lines) {
      assertEquals(ReportFixtures.PARAMETERS + 1, l.getAttribute("d").split("[ML]").length - 1, "a point per axis");
    }

    int dots = 0;
    int maxMarks = 0;
    for (Document panel : charts.subList(2, charts.size())) {
      dots += byClass(panel, "circle", "trial-dot").size();
      maxMarks += byClass(panel, "path", "max-mark").size();
    }
    assertEquals(ReportFixtures.SUCCEEDED * ReportFixtures.PARAMETERS, dots);
    assertEquals(ReportFixtures.distinctValues(), maxMarks);
  }

  @Test
  void failedAndSkippedTrialsAreInTheTableButInNoPlot() throws Exception {
    String escapedId = Html.escape(ReportFixtures.FAILED_ID);
    assertTrue(html.contains("<tr data-trial=\"" + escapedId + "\" class=\"failed\">"), "failed row");
    assertTrue(html.contains("<td class=\"error\">" + Html.escape(ReportFixtures.ERROR) + "</td>"));
    assertTrue(html.contains("<tr data-trial=\"" + ReportFixtures.SKIPPED_ID + "\" class=\"skipped\">"), "skipped row");
    for (Document chart : svgs(html)) {
      NodeList all = chart.getElementsByTagNameNS(SVG_NS, "*");
      for (int i = 0; i < all.getLength(); i++) {
        for (String id : List.of(ReportFixtures.FAILED_ID, ReportFixtures.SKIPPED_ID)) {
          assertFalse(id.equals(((Element) all.item(i)).getAttribute("data-trial")));
          assertFalse(all.item(i).getTextContent().contains(id));
        }
      }
    }
    assertEquals(7, count(html, "<tr data-trial="), "every trial has a row");
    assertTrue(html.contains("7 trials: 5 succeeded, 1 failed, 1 skipped; ranked by best val_accuracy (maximize)."));
  }

  @Test
  void escapesEveryTextItShows() throws Exception {
    assertFalse(html.contains("<script"), "no script element, not even from a value");
    assertFalse(html.contains(ReportFixtures.HOSTILE_ACTIVATION));
    assertTrue(html.contains("<title>lenet5 &lt;study&gt; &amp; &quot;friends&quot; · tunebeam report</title>"));
    assertTrue(html.contains("<h1>lenet5 &lt;study&gt; &amp; &quot;friends&quot;</h1>"));
    assertTrue(html.contains("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</td>"));

    // In the SVG the hostile value is text, as an XML parser reads it back.
    Document panel = svgs(html).get(4);
    boolean found = false;
    NodeList titles = panel.getElementsByTagNameNS(SVG_NS, "title");
    for (int i = 0; i < titles.getLength(); i++) {
      found |= titles.item(i).getTextContent().contains("activation=" + ReportFixtures.HOSTILE_ACTIVATION);
    }
    assertTrue(found, "the tooltip shows the value as text");
  }

  @Test
  void escapeCoversMarkupQuotesAndControlCharacters() {
    assertEquals("a&amp;b&lt;c&gt;d&quot;e&#39;f\uFFFDg\nh", Html.escape("a&b<c>d\"e'f\u0007g\nh"));
    assertEquals("", Html.escape(null));
  }

  @Test
  void theSameLeaderboardGivesTheSameBytes() {
    assertArrayEquals(HtmlReport.render(ReportFixtures.board(), ReportFixtures.STUDY),
        HtmlReport.render(ReportFixtures.board(), ReportFixtures.STUDY));
  }

  @Test
  void needsNothingFromTheNetwork() {
    assertTrue(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""));
    assertFalse(Pattern.compile("(src|href)\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(), "no external resource");
    assertFalse(html.contains("http://") && html.replace("http://www.w3.org/2000/svg", "").contains("http://"));
    assertFalse(html.contains("https://"));
  }

  @Test
  void learningRatesSpanningDecadesGetALogAxis() {
    Scale s = Scale.fitting(List.of(0.001, 0.01, 0.1), 0, 100);
    assertTrue(s.log());
    assertEquals(50, s.at(0.01), 1e-9);
    Scale linear = Scale.fitting(List.of(32.0, 64.0, 128.0), 0, 96);
    assertFalse(linear.log());
    assertEquals(32, linear.at(64), 1e-9);
    assertEquals(List.of(0.8, 0.82, 0.84, 0.86), Scale.linear(0.795, 0.865, 0, 1).ticks(4).stream()
        .map(t -> Math.round(t * 100) / 100.0).toList());
  }

  @Test
  void aStudyWithoutSuccessStillRenders() throws Exception {
    Leaderboard failedOnly = Leaderboard.rank(List.of(ReportFixtures.board().ranked().get(5)), Objective.DEFAULT);
    String page = new String(HtmlReport.render(failedOnly, "s"), StandardCharsets.UTF_8);
    assertEquals(0, svgs(page).size());
    assertEquals(3, count(page, "No successful trial"));
    assertTrue(page.contains("class=\"failed\""));
  }

  static List<Document> svgs(String html) throws Exception {
    List<Document> docs = new ArrayList<>();
    Matcher m = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL).matcher(html);
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    while (m.find()) {
      docs.add(f.newDocumentBuilder().parse(new ByteArrayInputStream(m.group().getBytes(StandardCharsets.UTF_8))));
    }
    return docs;
  }

  /** Elements whose class list holds {@code cls}. */
  static List<Element> byClass(Document doc, String tag, String cls) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = doc.getElementsByTagNameNS(SVG_NS, tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      Element e = (Element) nodes.item(i);
      if (List.of(e.getAttribute("class").split(" ")).contains(cls)) {
        found.add(e);
      }
    }
    return found;
  }

  static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
