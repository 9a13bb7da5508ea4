package dev.tunebeam.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The main job in a JVM of its own, for what an in-process run cannot show: the console as a user
 * sees it (log lines included), and a JVM started with another locale or {@code java.io.tmpdir}.
 */
record MainJobProcess(int code, String output) {
  /**
   * Runs {@link SearchPipeline} with {@code jvmOptions}; {@code env} entries with a null value are
   * removed from the inherited environment.
   */
  static MainJobProcess run(Map<String, String> env, List<String> jvmOptions, String... args)
      throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path")));
    cmd.addAll(jvmOptions);
    cmd.add(SearchPipeline.class.getName());
    cmd.addAll(List.of(args));
    ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true);
    env.forEach(
        (k, v) -> {
          if (v == null) {
            b.environment().remove(k);
          } else {
            b.environment().put(k, v);
          }
        });
    Process p = b.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES));
    return new MainJobProcess(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
