package dev.tunebeam.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunebeam.pipeline.SearchPipeline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the benchmarks that run real studies share ({@link SyntheticStudy}, {@link FunctionStudy}):
 * a trainer script copied out of the classpath, so it runs from a jar too, and a space run by the
 * main job into an output folder.
 */
final class MainJobStudies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MainJobStudies() {}

  /** Copies the resource {@code name} beside this class into {@code folder}. */
  static Path copyTrainer(Path folder, String name) throws IOException {
    Path script = folder.resolve(name);
    try (InputStream in = MainJobStudies.class.getResourceAsStream(name)) {
      Files.write(script, in.readAllBytes());
    }
    return script;
  }

  /**
   * Runs the main job on {@code space} (written to a file in {@code folder}) into {@code output};
   * throws with the job's output when it does not exit 0.
   */
  static void run(Path folder, String space, Path output) throws IOException {
    Path file = Files.createTempFile(folder, "space-", ".yaml");
    Files.writeString(file, space);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream sink = new PrintStream(log, true, StandardCharsets.UTF_8);
    int code =
        SearchPipeline.run(
            new String[] {"--searchSpace=" + file, "--output=" + output}, sink, sink);
    if (code != 0) {
      throw new IllegalStateException(
          "the study exited " + code + ":\n" + log.toString(StandardCharsets.UTF_8));
    }
  }

  /** {@code s} as a JSON string, which YAML reads too (a path with spaces or quotes). */
  static String json(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
