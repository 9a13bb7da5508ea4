package dev.tunebeam.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunebeam.bench.FunctionStudy.Finished;
import dev.tunebeam.transforms.search.Schedule;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.SearchSpaceLoader;
import dev.tunebeam.transforms.study.Trial;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GP benchmarks' pieces: the test functions at their known optima, and a small real {@code gp}
 * study through the trial contract whose trainer reports what the benchmark's JVM computes.
 */
@Tag("integration")
class GpContractBenchmarkTest {
  @TempDir Path tmp;

  @Test
  void testFunctionsHaveTheirKnownOptima() {
    assertEquals(
        0.397887, TestFunction.BRANIN.value(Map.of("x1", "-3.14159265359", "x2", "12.275")), 1e-6);
    assertEquals(0.397887, TestFunction.BRANIN.value(Map.of("x1", "9.42478", "x2", "2.475")), 1e-6);
    Map<String, String> h =
        Map.of(
            "x1",
            "0.20169",
            "x2",
            "0.150011",
            "x3",
            "0.476874",
            "x4",
            "0.275332",
            "x5",
            "0.311652",
            "x6",
            "0.6573");
    assertEquals(-3.32237, TestFunction.HARTMANN6.value(h), 1e-5);
  }

  @Test
  void aGpStudyThroughTheContractReportsTheFunctionAndTrainsItsSchedule() throws Exception {
    FunctionStudy studies = FunctionStudy.in(tmp, SyntheticStudy.defaultPython(), 2);
    String text = studies.space(TestFunction.BRANIN, "gp", 8, 2, 5);
    SearchSpace space =
        SearchSpaceLoader.parse("gp space", text.getBytes(StandardCharsets.UTF_8), true);
    List<Finished> trials = studies.run(text, tmp.resolve("gp"));
    assertEquals(Schedule.of(space).trials(), trials.size());
    assertEquals(8, trials.size());
    Set<Map<String, String>> points = new HashSet<>();
    for (Finished f : trials) {
      assertEquals("SUCCEEDED", f.status(), f.toString());
      // The trainer got the trial's flags, and its metric file came back as the objective.
      assertEquals(TestFunction.BRANIN.value(f.parameters()), f.value(), 1e-9, f.toString());
      points.add(Map.of("x1", f.parameters().get("x1"), "x2", f.parameters().get("x2")));
    }
    assertEquals(8, points.size(), "every point is new");
    // The in-process benchmark proposes the same points, so it finds the same best value.
    assertEquals(
        trials.stream().mapToDouble(Finished::value).min().orElseThrow(),
        GpBenchmark.study(
            GpBenchmark.space(TestFunction.BRANIN, "gp", 8, 2, 5), TestFunction.BRANIN),
        1e-12);
    // Round 0 is the space's random draw for the seed; the 4 others were proposed.
    Set<String> round0 =
        space.randomTrials(4, 5).stream()
            .map(Trial::parameters)
            .map(p -> p.get("x1") + "," + p.get("x2"))
            .collect(Collectors.toSet());
    assertEquals(
        4,
        trials.stream()
            .filter(f -> round0.contains(f.parameters().get("x1") + "," + f.parameters().get("x2")))
            .count());
  }
}
