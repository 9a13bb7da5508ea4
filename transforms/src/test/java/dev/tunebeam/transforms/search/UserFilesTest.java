package dev.tunebeam.transforms.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.SearchSpaceLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The search-space files users already have keep loading and planning: every {@code
 * examples/*.yaml} and every search space shown in README.md and docs/ (a YAML block with {@code
 * study:}).
 */
class UserFilesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyShippedAndDocumentedSpaceLoadsAndPlans() throws IOException {
    List<String> planned = new ArrayList<>();
    try (Stream<Path> files = Files.list(ROOT.resolve("examples"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        String name = f.getFileName().toString();
        // mlp-space.yaml tunes examples' MlpTrainable, whose parameters the built-in trainer lacks.
        planned.add(plan(name, Files.readString(f), name.startsWith("mlp")));
      }
    }
    List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    for (Path doc : docs) {
      Matcher m = YAML_BLOCK.matcher(Files.readString(doc));
      for (int i = 1; m.find(); i++) {
        if (m.group(1).contains("study:")) {
          planned.add(plan(doc.getFileName() + " block " + i, m.group(1), false));
        }
      }
    }
    assertTrue(planned.size() >= 6, planned.toString());
    for (String algorithm : List.of("grid", "halving")) {
      assertTrue(
          planned.stream().anyMatch(p -> p.contains("(" + algorithm + ")")), planned.toString());
    }
  }

  /** Loaded as the main job loads it, then planned. */
  private static String plan(String source, String yaml, boolean ownTrainer) {
    SearchSpace space =
        SearchSpaceLoader.parse(source, yaml.getBytes(StandardCharsets.UTF_8), ownTrainer);
    Schedule schedule = Schedule.of(space);
    assertEquals(space.algorithm().key(), schedule.algorithm(), source);
    assertTrue(schedule.trials() > 0, source);
    return source + " (" + schedule.algorithm() + ")";
  }
}
