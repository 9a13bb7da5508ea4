package dev.tunebeam.transforms.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report in headless Chromium, as a reader would, with every host name unresolvable:
 * the charts must paint (a screenshot), hold one mark per trial, a brush on the objective's axis
 * must dim the lines outside it, a click must sort the table, and the page must have made no
 * request. Chromium is required, not optional: without it this test fails and says how to
 * install it.
 */
class HtmlReportBrowserTest {
  static final int WIDTH = 1400;
  static final int HEIGHT = 3000;
  /** Runs after the report's scripts, under the report's own policy (its hash is added to it). */
  static final String PROBE = """
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
        // ECharts repaints on the next frame: read the brushed lines then.
        setTimeout(function () {
          out.push('brushed=' + bright());
          out.push('requests=' + performance.getEntriesByType('resource').length);
          document.body.setAttribute('data-probe', out.join(';'));
        }, 500);
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
    fail("Chromium is not installed, and the HTML report test needs it to render report.html. "
        + "Install it with: apt-get install -y chromium");
  }

  @Test
  void theReportPaintsItsChartsInChromium() throws Exception {
    Path report = tmp.resolve("report.html");
    Files.write(report, HtmlReport.render(ReportFixtures.board(), ReportFixtures.STUDY, "/out"));
    Path png = tmp.resolve("report.png");
    chromium(tmp.resolve("profile-shot"), "--screenshot=" + png, "--window-size=" + WIDTH + "," + HEIGHT, report.toUri().toString());
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(WIDTH, image.getWidth());
    Files.createDirectories(Path.of("target"));
    Files.copy(png, Path.of("target", "report-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(report, Path.of("target", "report-fixture.html"), StandardCopyOption.REPLACE_EXISTING);

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
    assertTrue(share > 0.03, "only " + share + " of the screenshot is not white (see target/report-screenshot.png)");
    assertTrue(colours.size() > 100, "a page of charts has many colours, got " + colours.size());
  }

  @Test
  void chartsHoldEveryTrialABrushFiltersLinesAndNothingIsFetched() throws Exception {
    String html = new String(HtmlReport.render(ReportFixtures.board(), ReportFixtures.STUDY, "/out"), StandardCharsets.UTF_8);
    // The last </body> only: ECharts' own text holds the string too, and its hash must still match.
    int end = html.lastIndexOf("</body>");
    String probed = (html.substring(0, end) + "<script>" + PROBE + "</script>\n" + html.substring(end))
        .replace("script-src '", "script-src '" + HtmlReport.sha256(PROBE) + "' '");
    Path page = tmp.resolve("probed.html");
    Files.writeString(page, probed);
    Files.createDirectories(Path.of("target"));
    Files.copy(page, Path.of("target", "report-probed.html"), StandardCopyOption.REPLACE_EXISTING);

    String dom = chromium(tmp.resolve("profile-dom"), "--dump-dom", "--virtual-time-budget=10000", page.toUri().toString());
    Matcher m = Pattern.compile("data-probe=\"([^\"]*)\"").matcher(dom);
    assertTrue(m.find(), "the probe did not run; DOM starts: " + dom.substring(0, Math.min(500, dom.length())));
    Map<String, String> probe = new LinkedHashMap<>();
    for (String kv : m.group(1).split(";")) {
      probe.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
    }
    String all = probe.toString();
    assertEquals("drawn", probe.get("drawn"), all);
    assertEquals("history,importance,intermediate,parallel", probe.get("charts"), all);
    assertEquals(String.valueOf(ReportFixtures.SUCCEEDED), probe.get("pclines"), "a line per succeeded trial: " + all);
    assertEquals(probe.get("pclines"), probe.get("bright"), "before a brush every line is bright: " + all);
    int brushed = Integer.parseInt(probe.get("brushed"));
    assertEquals(probe.get("expected"), probe.get("brushed"), "the brush keeps the trials in its interval: " + all);
    assertTrue(brushed > 0 && brushed < ReportFixtures.SUCCEEDED, all);
    // One line per trial with a history, plus the stopped-trial markers.
    assertEquals(String.valueOf(ReportFixtures.SUCCEEDED + 1), probe.get("intermediate"), all);
    assertEquals("train_loss,train_accuracy,val_accuracy,test_accuracy", probe.get("metrics"), all);
    assertEquals("train_loss", probe.get("yaxis"), all);
    assertEquals(ReportFixtures.SKIPPED_ID, probe.get("firstAfterSort"), "rank sorted descending puts the last first: " + all);
    assertEquals("0", probe.get("requests"), "the page fetched nothing: " + all);
  }

  /** Runs headless Chromium on its own profile, with no host name resolvable, and returns what it printed. */
  private String chromium(Path profile, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=0", "--user-data-dir=" + profile));
    command.addAll(List.of(args));
    Path stdout = tmp.resolve(profile.getFileName() + ".out");
    Path stderr = tmp.resolve(profile.getFileName() + ".err");
    Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      fail("chromium did not finish in 120 s: " + String.join(" ", command));
    }
    String err = Files.readString(stderr);
    assertEquals(0, p.exitValue(), () -> "chromium failed: " + String.join(" ", command) + "\n" + err);
    // The page's console, as Chromium logs it: no policy violation, no script error.
    List<String> console = err.lines().filter(l -> l.contains(":CONSOLE")).toList();
    assertTrue(console.isEmpty(), "the page logged:\n" + String.join("\n", console));
    return Files.readString(stdout);
  }
}
