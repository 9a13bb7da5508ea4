package dev.tunebeam.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What transforms offers a pipeline author is a decision, not an accident of Java's packages: each
 * public top-level type is either in {@link #API} (the PTransforms, their settings, the search
 * space and its builder, the study's value types, and the two seams, {@code SearchAlgorithm} and
 * {@code TrialExecutor}) or carries Beam's {@code @Internal}, public only because another package
 * of tunebeam uses it. ARCHITECTURE.md ("The library's API") lists the same types.
 */
class PublicApiTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/tunebeam/transforms");
  private static final Pattern DECLARATION =
      Pattern.compile(
          "^((?:@\\w+(?:\\([^)]*\\))?\\s+)*)public (?:final |abstract |sealed |non-sealed )*"
              + "(?:class|interface|enum|record|@interface) (\\w+)",
          Pattern.MULTILINE);

  static final Set<String> API =
      Set.of(
          "space.SearchSpace",
          "space.SearchSpaceBuilder",
          "space.SearchSpaceLoader",
          "space.ExpandSearchSpace",
          "space.Scale",
          "space.Condition",
          "space.AlgorithmCatalog",
          "space.AlgorithmSettings",
          "space.WarmStartBlock",
          "warm.WarmStart",
          "study.Trial",
          "study.TrialResult",
          "study.TrialStatus",
          "study.Judgement",
          "study.Objective",
          "study.Objectives",
          "search.SearchAlgorithm",
          "search.grid.GridSearch",
          "search.grid.GridSettings",
          "search.random.RandomSearch",
          "search.random.RandomSettings",
          "search.halving.SuccessiveHalving",
          "search.halving.HalvingSettings",
          "search.hyperband.Hyperband",
          "search.hyperband.HyperbandSettings",
          "search.tpe.TpeSearch",
          "search.tpe.TpeSettings",
          "search.gp.GpSearch",
          "search.gp.GpSettings",
          "dispatch.RunTrials",
          "dispatch.RouteTrials",
          "dispatch.Backend",
          "dispatch.BackendRule",
          "exec.TrialExecutor",
          "exec.ExecuteTrials",
          "local.TrainLocally",
          "local.LocalSettings",
          "vertex.SubmitToVertex",
          "vertex.SubmitVertexJobs",
          "vertex.AwaitVertexJobs",
          "vertex.VertexSettings",
          "results.RankTrials",
          "results.WriteLeaderboard",
          "results.Leaderboard",
          "settings.InvalidSettingException");

  @Test
  void everyPublicTypeIsApiOrMarkedInternal() {
    Set<String> api = new TreeSet<>();
    Set<String> undecided = new TreeSet<>();
    Set<String> apiMarkedInternal = new TreeSet<>();
    for (Path file : javaFiles()) {
      Matcher m = DECLARATION.matcher(read(file));
      if (!m.find()) {
        continue;
      }
      String name = typeName(file);
      boolean internal = m.group(1).contains("@Internal");
      if (API.contains(name)) {
        api.add(name);
        if (internal) {
          apiMarkedInternal.add(name);
        }
      } else if (!internal) {
        undecided.add(name);
      }
    }
    assertEquals(
        Set.of(),
        undecided,
        "public types neither in the API list nor @Internal: add to PublicApiTest.API and"
            + " ARCHITECTURE.md, mark @Internal, or make package-private");
    assertEquals(Set.of(), apiMarkedInternal, "API types marked @Internal");
    assertEquals(new TreeSet<>(API), api, "API types that are missing or not public");
    assertTrue(api.size() < 50, "the API stays small: " + api.size());
  }

  private static String typeName(Path file) {
    String rel = SOURCES.relativize(file).toString().replace('/', '.');
    return rel.substring(0, rel.length() - ".java".length());
  }

  private static Set<Path> javaFiles() {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      Set<Path> out = new TreeSet<>();
      files
          .filter(f -> f.toString().endsWith(".java"))
          .filter(f -> !f.getFileName().toString().equals("package-info.java"))
          .forEach(out::add);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
