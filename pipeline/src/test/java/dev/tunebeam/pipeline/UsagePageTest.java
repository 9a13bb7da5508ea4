package dev.tunebeam.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class UsagePageTest {
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        SearchPipeline.dispatch(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void helpIsTunebeamsOwnPageWithCommandsGroupsAndExamples() {
    for (String[] args :
        List.of(
            new String[] {"--help"},
            new String[] {"-h"},
            new String[] {"help"},
            new String[] {"run", "--output=x", "--help"})) {
      Run r = run(args);
      assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
      String page = r.out();
      for (String part :
          List.of(
              "Usage: java -jar tunebeam.jar [run]",
              " collect --output",
              " tune --project",
              "What to search:",
              "Where to write:",
              "How to train:",
              "Where to run:",
              "--searchSpace=<String>",
              "--output=<String>   (default tunebeam-output)",
              "--backend=<String>   (default local)",
              "Examples:",
              "--help=dev.tunebeam.pipeline.SearchOptions")) {
        assertTrue(page.contains(part), "missing '" + part + "' in:\n" + page);
      }
      assertFalse(page.contains("Factory") || page.contains("docs/vertex.md"), page);
      assertEquals(
          3,
          Pattern.compile("^  java -jar tunebeam.jar ", Pattern.MULTILINE)
              .matcher(page)
              .results()
              .count(),
          "three examples");
      assertTrue(
          page.lines().allMatch(l -> l.length() <= UsagePage.WIDTH + 10),
          "fits a terminal:\n" + page);
    }
  }

  @Test
  void thePageIsWrittenForReading() throws Exception {
    // For a person to read (and README to quote): target/usage.txt.
    java.nio.file.Files.writeString(
        java.nio.file.Path.of("target", "usage.txt"), run("--help").out());
  }

  @Test
  void theFullListKeepsBeamsFormatWithoutInternals() {
    Run r = run("--help=dev.tunebeam.pipeline.SearchOptions");
    assertEquals(0, r.code(), r.err());
    String page = r.out();
    assertTrue(
        page.contains("  --searchSpace=<String>") && page.contains("  --runner=<Class>"), page);
    assertTrue(page.contains("Default: gcloud's compute/region"), "region's default in words");
    for (String internal :
        List.of(
            "Factory",
            "StandardStorage",
            "--vertexStorage",
            "--optionsId",
            "--vertexPollMillis",
            "docs/vertex.md")) {
      assertFalse(page.contains(internal), internal + " leaks into:\n" + page);
    }
    assertEquals(0, run("--help=SearchOptions").code(), "a simple name works as in Beam");
    Run bad = run("--help=NoSuchOptions");
    assertEquals(2, bad.code());
    assertTrue(
        bad.err().contains("--help=NoSuchOptions is not a PipelineOptions interface"), bad.err());
  }

  @Test
  void theTuningLauncherIsTheTuneCommand() {
    Run r = run("tune", "--help");
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out().contains("Usage: java -jar tunebeam.jar tune --project P --bucket B"), r.out());
    Run unknown = run("tuen");
    assertEquals(2, unknown.code());
    assertTrue(
        unknown.err().contains("unknown command tuen; use run, collect, tune or simulate"),
        unknown.err());
  }
}
