package dev.tunebeam.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module's packages depend on each other one way: an import scan of the main sources (a
 * sub-package counts as its top-level package, comments are left out) finds no cycle.
 */
class PackageCyclesTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/tunebeam/transforms");
  private static final Pattern REFERENCE =
      Pattern.compile("dev\\.tunebeam\\.transforms\\.([a-z]+)");
  private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

  /**
   * Cycles allowed to remain: none. (The study's value types, transforms.study, broke results <->
   * space; WriteLeaderboard taking results.RunFigures instead of the run broke results <-> run.)
   */
  private static final Set<String> KNOWN = Set.of();

  @Test
  void searchIsInNoCycleAndNoOtherCycleAppears() {
    Map<String, Set<String>> graph = dependencies();
    Set<String> cycles = new TreeSet<>();
    for (String a : graph.keySet()) {
      for (String b : graph.keySet()) {
        if (a.compareTo(b) < 0 && reaches(graph, a, b) && reaches(graph, b, a)) {
          cycles.add(a + " <-> " + b);
        }
      }
    }
    cycles.removeAll(KNOWN);
    assertEquals(Set.of(), cycles, "package cycles in " + graph);
    assertTrue(graph.get("search").contains("space"), "the scan sees search's imports");
    graph.forEach(
        (p, deps) ->
            assertTrue(p.equals("search") || !deps.contains("search"), p + " depends on search"));
  }

  /** Each top-level package's references to the others. */
  private static Map<String, Set<String>> dependencies() {
    Map<String, Set<String>> graph = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String own = SOURCES.relativize(f).getName(0).toString();
        Set<String> deps = graph.computeIfAbsent(own, k -> new TreeSet<>());
        Matcher m = REFERENCE.matcher(COMMENT.matcher(Files.readString(f)).replaceAll(""));
        while (m.find()) {
          if (!m.group(1).equals(own)) {
            deps.add(m.group(1));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return graph;
  }

  private static boolean reaches(Map<String, Set<String>> graph, String from, String to) {
    List<String> todo = new ArrayList<>(List.of(from));
    Set<String> seen = new TreeSet<>();
    while (!todo.isEmpty()) {
      String p = todo.remove(todo.size() - 1);
      for (String next : graph.getOrDefault(p, Set.of())) {
        if (next.equals(to)) {
          return true;
        }
        if (seen.add(next)) {
          todo.add(next);
        }
      }
    }
    return false;
  }
}
