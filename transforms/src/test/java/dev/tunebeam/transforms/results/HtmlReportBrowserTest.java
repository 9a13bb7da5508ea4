package dev.tunebeam.transforms.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tunebeam.transforms.study.Judgement;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report in headless Chromium, as a reader would, with every host name unresolvable: the
 * charts must paint (a screenshot), hold one mark per trial, a brush on the objective's axis must
 * dim the lines outside it, a click must sort the table, and the page must have made no request.
 * Chromium is required, not optional: without it this test fails and says how to install it.
 */
@Tag("integration")
class HtmlReportBrowserTest {
  static final int WIDTH = 1400;
  static final int HEIGHT = 3000;

  /** Runs after the report's scripts, under the report's own policy (its hash is added to it). */
  static final String PROBE =
      """
      setTimeout(function () {
        var r = window.tunebeamReport, out = [], axes = r.data.parameters.length + 1;
        // A trial's line passes every axis: one point per axis (axis lines and ticks have two).
        function lines() {
          return Array.prototype.slice.call(document.querySelectorAll('#chart-parallel path')).filter(function (p) {
            return p.getAttribute('fill') === 'none' && (p.getAttribute('d') || '').split('L').length === axes; });
        }
        function bright() { return lines().filter(function (p) { return parseFloat(p.getAttribute('stroke-opacity') || '1') > 0.5; }).length; }
        out.push('drawn=' + document.body.getAttribute('data-report'));
        out.push('charts=' + Object.keys(r.charts).sort().join(','));
        out.push('intermediate=' + r.charts.intermediate.getOption().series.length);
        out.push('pclines=' + lines().length);
        out.push('bright=' + bright());
        // Brush the objective's axis to its top half: only the better trials stay bright.
        var vals = r.data.trials.filter(function (t) { return t.plotted; }).map(function (t) { return t.objective; });
        var lo = Math.min.apply(null, vals), hi = Math.max.apply(null, vals), mid = (lo + hi) / 2;
        r.charts.parallel.dispatchAction({ type: 'axisAreaSelect', parallelAxisIndex: axes - 1, intervals: [[mid, hi + 1]] });
        out.push('expected=' + vals.filter(function (v) { return v >= mid; }).length);
        var select = document.getElementById('metric-select');
        out.push('metrics=' + Array.prototype.map.call(select.options, function (o) { return o.value; }).join(','));
        select.value = 'train_loss'; select.dispatchEvent(new Event('change'));
        out.push('yaxis=' + r.charts.intermediate.getOption().yAxis[0].name);
        var heads = document.querySelectorAll('#leaderboard-table th');
        var rank = Array.prototype.findIndex.call(heads, function (h) { return h.textContent === 'rank'; });
        heads[rank].click(); heads[rank].click();
        out.push('firstAfterSort=' + document.querySelector('#leaderboard-table tbody tr').getAttribute('data-trial'));
        // ECharts repaints on a later frame, later still on a loaded machine: wait (up to 5 s) for
        // the brushed lines to reach the expected count, and report whatever they are by then.
        var expected = vals.filter(function (v) { return v >= mid; }).length, waited = 0;
        (function settle() {
          r.charts.parallel.getZr().flush();
          if (bright() !== expected && waited < 5000) { waited += 100; setTimeout(settle, 100); return; }
          out.push('brushed=' + bright());
          out.push('requests=' + performance.getEntriesByType('resource').length);
          document.body.setAttribute('data-probe', out.join(';'));
        })();
      }, 50);
      """;

  static Path chromium;

  @TempDir Path tmp;

  @BeforeAll
  static void findChromium() {
    for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
      if (Files.isExecutable(Path.of(candidate))) {
        chromium = Path.of(candidate);
        return;
      }
    }
    fail(
        "Chromium is not installed, and the HTML report test needs it to render report.html. "
            + "Install it with: apt-get install -y chromium");
  }

  @Test
  void theReportPaintsItsChartsInChromium() throws Exception {
    Path report = tmp.resolve("report.html");
    Files.write(report, HtmlReport.render(ReportFixtures.board(), ReportFixtures.STUDY, "/out"));
    Path png = tmp.resolve("report.png");
    chromium(
        tmp.resolve("profile-shot"),
        "--screenshot=" + png,
        "--window-size=" + WIDTH + "," + HEIGHT,
        report.toUri().toString());
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(WIDTH, image.getWidth());
    Files.createDirectories(Path.of("target"));
    Files.copy(
        png, Path.of("target", "report-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(
        report, Path.of("target", "report-fixture.html"), StandardCopyOption.REPLACE_EXISTING);

    long nonWhite = 0;
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        nonWhite += rgb != 0xffffff ? 1 : 0;
      }
    }
    double share = (double) nonWhite / ((long) image.getWidth() * image.getHeight());
    assertTrue(
        share > 0.03,
        "only " + share + " of the screenshot is not white (see target/report-screenshot.png)");
    assertTrue(colours.size() > 100, "a page of charts has many colours, got " + colours.size());
  }

  @Test
  void chartsHoldEveryTrialABrushFiltersLinesAndNothingIsFetched() throws Exception {
    Map<String, String> probe = probe(ReportFixtures.board(), PROBE, "report-probed.html");
    String all = probe.toString();
    assertEquals("drawn", probe.get("drawn"), all);
    assertEquals("budget,history,importance,intermediate,parallel", probe.get("charts"), all);
    assertEquals(
        String.valueOf(ReportFixtures.SUCCEEDED),
        probe.get("pclines"),
        "a line per succeeded trial: " + all);
    assertEquals(
        probe.get("pclines"), probe.get("bright"), "before a brush every line is bright: " + all);
    int brushed = Integer.parseInt(probe.get("brushed"));
    assertEquals(
        probe.get("expected"),
        probe.get("brushed"),
        "the brush keeps the trials in its interval: " + all);
    assertTrue(brushed > 0 && brushed < ReportFixtures.SUCCEEDED, all);
    // One line per trial with a history, plus the stopped-trial markers.
    assertEquals(String.valueOf(ReportFixtures.SUCCEEDED + 1), probe.get("intermediate"), all);
    assertEquals("train_loss,train_accuracy,val_accuracy,test_accuracy", probe.get("metrics"), all);
    assertEquals("train_loss", probe.get("yaxis"), all);
    assertEquals(
        ReportFixtures.SKIPPED_ID,
        probe.get("firstAfterSort"),
        "rank sorted descending puts the last first: " + all);
    assertEquals("0", probe.get("requests"), "the page fetched nothing: " + all);
  }

  /**
   * Reads the model-epochs panel and the stopped markers of a halving study back from the drawn
   * page.
   */
  static final String HALVING_PROBE =
      """
      setTimeout(function () {
        var r = window.tunebeamReport, out = [], chart = r.charts.budget, o = chart.getOption(), dots = o.series[0].data;
        out.push('charts=' + Object.keys(r.charts).sort().join(','));
        out.push('filled=' + dots.filter(function (d) { return d.last; }).map(function (d) { return d.id + ':' + d.value.join(':'); }).join(','));
        out.push('hollow=' + dots.filter(function (d) { return !d.last; }).map(function (d) { return d.id + ':' + d.value.join(':'); }).join(','));
        out.push('best=' + o.series[1].data.map(function (p) { return p.join(':'); }).join(','));
        out.push('xmax=' + o.xAxis[0].max + ';xname=' + o.xAxis[0].name);
        var stopped = r.charts.intermediate.getOption().series.filter(function (s) { return s.name === 'stopped'; })[0].data;
        out.push('stopped=' + stopped.map(function (d) { return d.id + ':' + d.value.join(':'); }).sort().join(','));
        // Painted, not only configured: a symbol sits where the winner's dot belongs.
        var at = chart.convertToPixel({ seriesIndex: 0 }, [13, 0.84]);
        var symbols = Array.prototype.slice.call(document.querySelectorAll('#chart-budget svg path[transform]'));
        out.push('winnerDrawn=' + symbols.some(function (p) {
          var m = /matrix\\(([^)]*)\\)/.exec(p.getAttribute('transform')), v = m ? m[1].split(',').map(Number) : [];
          return v.length === 6 && Math.abs(v[4] - at[0]) < 1 && Math.abs(v[5] - at[1]) < 1; }));
        document.body.setAttribute('data-probe', out.join(';'));
      }, 50);
      """;

  @Test
  void theModelEpochPanelReplaysHalvingAndTheCurvesMarkWhereTrialsStopped() throws Exception {
    Map<String, String> probe =
        probe(ReportFixtures.halvingBoard(), HALVING_PROBE, "report-halving-probed.html");
    String all = probe.toString();
    assertEquals("budget,history,importance,intermediate,parallel", probe.get("charts"), all);
    assertEquals(
        "h3:4:0.6,h4:5:0.5,h5:6:0.65,h1:9:0.75,h2:10:0.77,h0:13:0.84",
        probe.get("filled"),
        "each trial's result once, at what it had cost: " + all);
    assertEquals(
        "h0:1:0.7,h1:2:0.72,h2:3:0.69,h0:8:0.78",
        probe.get("hollow"),
        "rung results of trials that trained on: " + all);
    assertEquals(
        "1:0.7,2:0.72,3:0.72,4:0.72,5:0.72,6:0.72,8:0.78,9:0.78,10:0.78,13:0.84",
        probe.get("best"),
        all);
    assertEquals("13", probe.get("xmax"), all);
    assertEquals("model-epochs spent (13 in all)", probe.get("xname"), all);
    assertEquals(
        "h1:2:0.75,h2:2:0.77,h3:1:0.6,h4:1:0.5,h5:1:0.65",
        probe.get("stopped"),
        "a triangle where each stopped trial's curve ends: " + all);
    assertEquals("true", probe.get("winnerDrawn"), all);
  }

  /** Reads the Pareto chart of a two-objective study back from the drawn page. */
  static final String PARETO_PROBE =
      """
      setTimeout(function () {
        var r = window.tunebeamReport, out = [], chart = r.charts.pareto, o = chart.getOption();
        out.push('charts=' + Object.keys(r.charts).sort().join(','));
        out.push('front=' + o.series[0].data.map(function (d) { return d.value.join(':'); }).join(','));
        out.push('rest=' + o.series[1].data.length);
        out.push('x=' + o.xAxis[0].name + ';y=' + o.yAxis[0].name);
        var at = chart.convertToPixel({ seriesIndex: 0 }, o.series[0].data[0].value);
        var symbols = Array.prototype.slice.call(document.querySelectorAll('#chart-pareto svg path[transform]'));
        out.push('frontDrawn=' + symbols.some(function (p) {
          var m = /matrix\\(([^)]*)\\)/.exec(p.getAttribute('transform')), v = m ? m[1].split(',').map(Number) : [];
          return v.length === 6 && Math.abs(v[4] - at[0]) < 1 && Math.abs(v[5] - at[1]) < 1; }));
        document.body.setAttribute('data-probe', out.join(';'));
      }, 50);
      """;

  @Test
  void aTwoObjectiveStudyDrawsItsParetoFront() throws Exception {
    Leaderboard board =
        Leaderboard.rank(MultiObjectiveRankingTest.study(7, 40), MultiObjectiveRankingTest.TWO);
    Map<String, String> probe = probe(board, PARETO_PROBE, "report-pareto-probed.html");
    String all = probe.toString();
    assertEquals(
        "budget,history,importance,intermediate,parallel,pareto", probe.get("charts"), all);
    // The front's distinct points, joined left to right by seconds; every other trial a dot.
    int[] fronts = board.fronts();
    java.util.TreeSet<String> expected = new java.util.TreeSet<>();
    int onFront = 0;
    for (int i = 0; i < fronts.length; i++) {
      if (fronts[i] == 1) {
        onFront++;
        Judgement j = board.ranked().get(i).judgement();
        expected.add(point(j.value("train_seconds"), j.value("val_accuracy")));
      }
    }
    List<String> drawn = List.of(probe.get("front").split(","));
    assertEquals(onFront, drawn.size(), all);
    java.util.TreeSet<String> drawnPoints = new java.util.TreeSet<>();
    drawn.forEach(
        p ->
            drawnPoints.add(
                point(Double.parseDouble(p.split(":")[0]), Double.parseDouble(p.split(":")[1]))));
    assertEquals(expected, drawnPoints, all);
    List<Double> xs = drawn.stream().map(p -> Double.parseDouble(p.split(":")[0])).toList();
    assertEquals(xs.stream().sorted().toList(), xs, "the front's line runs left to right: " + all);
    assertEquals(String.valueOf(board.succeeded() - onFront), probe.get("rest"), all);
    assertEquals("train_seconds (minimize)", probe.get("x"), all);
    assertEquals("val_accuracy (maximize)", probe.get("y"), all);
    assertEquals("true", probe.get("frontDrawn"), all);
  }

  private static String point(double x, double y) {
    return String.format(java.util.Locale.ROOT, "%.6f:%.6f", x, y);
  }

  /**
   * The page with {@code script} run after the report's own (its hash added to the policy); what it
   * left in {@code data-probe}.
   */
  private Map<String, String> probe(Leaderboard board, String script, String copyName)
      throws Exception {
    String html =
        new String(HtmlReport.render(board, ReportFixtures.STUDY, "/out"), StandardCharsets.UTF_8);
    // The last </body> only: ECharts' own text holds the string too, and its hash must still match.
    int end = html.lastIndexOf("</body>");
    String probed =
        (html.substring(0, end) + "<script>" + script + "</script>\n" + html.substring(end))
            .replace("script-src '", "script-src '" + HtmlReport.sha256(script) + "' '");
    Path page = tmp.resolve(copyName);
    Files.writeString(page, probed);
    Files.createDirectories(Path.of("target"));
    Files.copy(page, Path.of("target", copyName), StandardCopyOption.REPLACE_EXISTING);

    String dom =
        chromium(
            tmp.resolve("profile-" + copyName),
            "--dump-dom",
            "--virtual-time-budget=10000",
            page.toUri().toString());
    Matcher m = Pattern.compile("data-probe=\"([^\"]*)\"").matcher(dom);
    assertTrue(
        m.find(),
        "the probe did not run; DOM starts: " + dom.substring(0, Math.min(500, dom.length())));
    Map<String, String> probe = new LinkedHashMap<>();
    for (String kv : m.group(1).split(";")) {
      probe.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
    }
    return probe;
  }

  /**
   * Runs headless Chromium on its own profile, with no host name resolvable, and returns what it
   * printed.
   */
  private String chromium(Path profile, String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--enable-logging=stderr",
                "--v=0",
                "--user-data-dir=" + profile));
    command.addAll(List.of(args));
    Path stdout = tmp.resolve(profile.getFileName() + ".out");
    Path stderr = tmp.resolve(profile.getFileName() + ".err");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      fail("chromium did not finish in 120 s: " + String.join(" ", command));
    }
    String err = Files.readString(stderr);
    assertEquals(
        0, p.exitValue(), () -> "chromium failed: " + String.join(" ", command) + "\n" + err);
    // The page's console, as Chromium logs it: no policy violation, no script error.
    List<String> console = err.lines().filter(l -> l.contains(":CONSOLE")).toList();
    assertTrue(console.isEmpty(), "the page logged:\n" + String.join("\n", console));
    return Files.readString(stdout);
  }
}
