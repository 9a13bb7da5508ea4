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
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report in headless Chromium, as a reader would: the page must paint (a screenshot
 * with charts in it) and the browser must lay out one shape per trial. Chromium is required, not
 * optional: without it this test fails and says how to install it.
 */
class HtmlReportBrowserTest {
  static final int WIDTH = 1400;
  static final int HEIGHT = 2400;
  /** The best trial's line colour; only a drawn line has hundreds of pixels of it. */
  static final int BEST_SERIES_RGB = 0x4e79a7;

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
    Files.write(report, HtmlReport.render(ReportFixtures.board(), ReportFixtures.STUDY));
    Path png = tmp.resolve("report.png");

    chromium(tmp.resolve("profile-shot"), "--screenshot=" + png, "--window-size=" + WIDTH + "," + HEIGHT, report.toUri().toString());
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(WIDTH, image.getWidth());
    Files.copy(png, Path.of("target", "report-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);

    long nonWhite = 0;
    long bestSeries = 0;
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        if (rgb != 0xffffff) {
          nonWhite++;
        }
        if (rgb == BEST_SERIES_RGB) {
          bestSeries++;
        }
      }
    }
    double share = (double) nonWhite / ((long) image.getWidth() * image.getHeight());
    assertTrue(share > 0.03, "only " + share + " of the screenshot is not white (see target/report-screenshot.png)");
    assertTrue(colours.size() > 100, "a page of charts has many colours, got " + colours.size());
    assertTrue(bestSeries > 300, "the best trial's line should be painted, found " + bestSeries + " pixels of its colour");
  }

  @Test
  void chromiumLaysOutOneShapePerTrial() throws Exception {
    // A copy with a probe script (the report itself has none, and its policy forbids scripts):
    // it measures what the browser built and writes the counts into the DOM that --dump-dom prints.
    String html = new String(HtmlReport.render(ReportFixtures.board(), ReportFixtures.STUDY), StandardCharsets.UTF_8);
    String probed = html.replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "")
        .replace("</body>", """
            <script>
            const drawn = (sel) => [...document.querySelectorAll(sel)].filter(e => {
              const b = e.getBBox(); return (b.width > 0 || b.height > 0) && e.getBoundingClientRect().width > 0; }).length;
            const length = (sel) => [...document.querySelectorAll(sel)].filter(e => e.getTotalLength() > 50).length;
            document.body.setAttribute('data-probe', [
              'series=' + length('path.series'), 'pclines=' + length('path.pc-line'), 'dots=' + drawn('circle.trial-dot'),
              'points=' + drawn('circle.point'), 'charts=' + [...document.querySelectorAll('svg.chart')]
                .filter(s => s.getBoundingClientRect().width > 300).length].join(';'));
            </script>
            </body>""");
    Path page = tmp.resolve("probed.html");
    Files.writeString(page, probed);

    String dom = chromium(tmp.resolve("profile-dom"), "--dump-dom", page.toUri().toString());
    Matcher m = Pattern.compile("data-probe=\"([^\"]*)\"").matcher(dom);
    assertTrue(m.find(), "the probe did not run; DOM starts: " + dom.substring(0, Math.min(500, dom.length())));
    assertEquals("series=" + ReportFixtures.SUCCEEDED + ";pclines=" + ReportFixtures.SUCCEEDED
        + ";dots=" + ReportFixtures.SUCCEEDED * ReportFixtures.PARAMETERS + ";points=" + ReportFixtures.SUCCEEDED * 3
        + ";charts=" + (2 + ReportFixtures.PARAMETERS), m.group(1));
  }

  /** Runs headless Chromium on its own profile and returns what it printed; fails on a non-zero exit or a hang. */
  private String chromium(Path profile, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile));
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
    return Files.readString(stdout);
  }
}
