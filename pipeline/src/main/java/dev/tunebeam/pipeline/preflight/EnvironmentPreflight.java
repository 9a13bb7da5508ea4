package dev.tunebeam.pipeline.preflight;

import dev.tunebeam.pipeline.SearchOptions;
import dev.tunebeam.transforms.dispatch.Backend;
import dev.tunebeam.transforms.dispatch.BackendRule;
import dev.tunebeam.transforms.space.SearchSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the JVM itself must allow before a run starts: a writable {@code java.io.tmpdir} (Beam's
 * snappy codec unpacks its native library there, and workers keep their logs and scratch files
 * there; without it the run fails after it started, with {@code FileNotFoundException ...
 * libsnappyjava.so}), and a platform encoding that can pass the space's values to a local trainer
 * ({@link PlatformEncoding}). Each is one sentence naming the setting and its fix; exit 2.
 */
public final class EnvironmentPreflight {
  private EnvironmentPreflight() {}

  /**
   * The platform encoding, for runs with local trials; {@link #checkTemporaryFolder} comes first of
   * all, before the pipeline is built.
   */
  public static void check(SearchOptions o, SearchSpace space, BackendRule rule) {
    if (rule.targets().contains(Backend.LOCAL)) {
      PlatformEncoding.checkValues(space);
    }
  }

  /** Creates and deletes a file in {@code tmpdir}, as Beam and the workers will. */
  public static void checkTemporaryFolder(String tmpdir) {
    String why = null;
    if (tmpdir == null || tmpdir.isBlank()) {
      why = "is not set";
    } else {
      Path dir = Path.of(tmpdir);
      if (!Files.isDirectory(dir)) {
        why = Files.exists(dir) ? "is not a folder" : "does not exist";
      } else {
        try {
          Files.delete(Files.createTempFile(dir, ".tunebeam-tmpdir-check-", ".tmp"));
        } catch (IOException | RuntimeException e) {
          why = "is not writable (" + e.getClass().getSimpleName() + ")";
        }
      }
    }
    if (why != null) {
      throw new IllegalArgumentException(
          "java.io.tmpdir "
              + tmpdir
              + " "
              + why
              + ", and Beam unpacks its native snappy library and tunebeam keeps its workers'"
              + " scratch files there; start Java with -Djava.io.tmpdir=DIR naming a writable"
              + " folder (or set TMPDIR for the JVM's launcher)");
    }
  }
}
