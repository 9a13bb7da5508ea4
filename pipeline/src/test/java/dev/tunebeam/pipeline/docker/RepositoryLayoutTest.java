package dev.tunebeam.pipeline.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout a newcomer reads from {@code ls}: every package says what it holds, and benchmarks
 * stay out of the production jars.
 */
class RepositoryLayoutTest {
  private static final List<String> PRODUCTION_MODULES =
      List.of("trainer", "transforms", "pipeline", "examples");

  @Test
  void everyPackageHasAPackageInfo() throws IOException {
    Path root = Repository.find().root;
    List<String> missing;
    try (Stream<Path> modules = Files.list(root)) {
      missing =
          modules
              .map(m -> m.resolve("src/main/java"))
              .filter(Files::isDirectory)
              .flatMap(RepositoryLayoutTest::packageFolders)
              .filter(folder -> !Files.exists(folder.resolve("package-info.java")))
              .map(folder -> root.relativize(folder).toString())
              .sorted()
              .toList();
    }
    assertEquals(List.of(), missing, "packages without a package-info.java");
  }

  @Test
  void noBenchmarkInAProductionModule() throws IOException {
    Path root = Repository.find().root;
    for (String module : PRODUCTION_MODULES) {
      Path sources = root.resolve(module).resolve("src/main");
      try (Stream<Path> files = Files.walk(sources)) {
        List<Path> benchmarks =
            files
                .filter(f -> f.getFileName().toString().matches(".*Benchmark.*|.*\\.py"))
                .filter(f -> !f.toString().contains("/examples/python/"))
                .toList();
        assertEquals(List.of(), benchmarks, module + " ships benchmark code; it belongs in bench/");
      }
    }
    assertTrue(Files.isDirectory(root.resolve("bench/src/main/java/dev/tunebeam/bench")));
  }

  private static Stream<Path> packageFolders(Path sourceRoot) {
    try (Stream<Path> all = Files.walk(sourceRoot)) {
      return all
          .filter(Files::isDirectory)
          .filter(RepositoryLayoutTest::holdsJava)
          .toList()
          .stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static boolean holdsJava(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.anyMatch(
          f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
