package dev.tunebeam.transforms.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study of 20,000 trials still gives a report that opens: it draws and lists the best trials and
 * a sample spread over the rest, says so, and headless Chromium draws it; results.csv keeps them
 * all.
 */
@Tag("integration")
class LargeReportTest {
  private static final int TRIALS = 20_000;

  @TempDir Path tmp;

  private static Leaderboard board() {
    List<TrialResult> results = new ArrayList<>();
    for (int i = 0; i < TRIALS; i++) {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("x", String.format(Locale.ROOT, "%.6f", i / (double) TRIALS));
      p.put("optimizer", i % 3 == 0 ? "adam" : "sgd");
      Trial t = Trial.of("large", p);
      double v = 0.5 + 0.4 * Math.sin(i * 0.37) * Math.sin(i * 0.013);
      results.add(
          TrialResult.of(
              t,
              "local",
              TrialStatus.SUCCEEDED,
              List.of(
                  Results.epoch(1, 0.9, 0.6, v - 0.05, v - 0.05, 1.0),
                  Results.epoch(2, 0.6, 0.7, v, v, 1.0)),
              "cpu",
              2,
              2,
              "/out/trials/" + t.id()));
    }
    return Leaderboard.rank(results, Objective.DEFAULT);
  }

  @Test
  void twentyThousandTrialsGiveAReportThatOpens() throws Exception {
    Leaderboard board = board();
    byte[] html = HtmlReport.render(board, "large", "/out");
    String page = new String(html, StandardCharsets.UTF_8);
    assertTrue(page.contains("draws and lists 2,000 of the 20,000 trials"), "the summary says so");
    Matcher rows = Pattern.compile("<tr data-trial=").matcher(page);
    int n = 0;
    while (rows.find()) {
      n++;
    }
    assertEquals(ReportScope.LIMIT, n, "table rows");
    assertTrue(
        page.contains(board.ranked().get(0).trial().id()), "the best trial is in the report");
    assertEquals(
        TRIALS + 1,
        new String(LeaderboardFormats.csv(board), StandardCharsets.UTF_8).lines().count(),
        "results.csv keeps every trial");

    Path chromium = Path.of("/usr/bin/chromium");
    if (!Files.isExecutable(chromium)) {
      fail("Chromium is needed to open the report: apt-get install -y chromium");
    }
    Path report = tmp.resolve("report.html");
    Files.write(report, html);
    Path dom = tmp.resolve("dom.html");
    Process p =
        new ProcessBuilder(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--user-data-dir=" + tmp.resolve("profile"),
                "--dump-dom",
                "--virtual-time-budget=60000",
                report.toUri().toString())
            .redirectOutput(dom.toFile())
            .redirectError(tmp.resolve("chromium.err").toFile())
            .start();
    if (!p.waitFor(240, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("Chromium did not finish drawing the report of 20,000 trials in 240 s");
    }
    assertTrue(
        Files.readString(dom).contains("data-report=\"drawn\""),
        "every chart was drawn (report.js marks the page when done)");
  }
}
