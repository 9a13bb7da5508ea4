package dev.tunebeam.pipeline.preflight;

import dev.tunebeam.pipeline.SearchOptions;
import dev.tunebeam.pipeline.SearchPipeline;
import dev.tunebeam.pipeline.study.TrainerChoice;
import dev.tunebeam.transforms.dispatch.Backend;
import dev.tunebeam.transforms.dispatch.BackendRule;
import dev.tunebeam.transforms.space.TrainerBlock;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A trainer command's program must be one this machine can start: a name found on {@code PATH}, or
 * a path, that is an executable file. Otherwise every trial would fail with the same "cannot run
 * program" and the run would exit 1 after writing a table of identical rows.
 */
public final class TrainerPreflight {
  private TrainerPreflight() {}

  /** Checks the local trials' command (flag or search-space block), if any. */
  public static void check(SearchOptions o, BackendRule rule) {
    // Vertex trials run the command inside their container, and off the DirectRunner local trials
    // run on the runner's workers: neither is this machine's PATH.
    if (!rule.targets().contains(Backend.LOCAL) || !SearchPipeline.onDirectRunner(o)) {
      return;
    }
    Optional<TrainerBlock> block = TrainerChoice.of(o);
    if (block.isEmpty() || !o.getTrainerClass().isBlank()) {
      return;
    }
    boolean flag = o.getTrainerCommand() != null && !o.getTrainerCommand().isEmpty();
    String where = flag ? "--trainerCommand" : "trainer.command in " + o.getSearchSpace();
    checkProgram(where, block.get().command().get(0), System.getenv("PATH"));
  }

  /**
   * {@code program} as {@code ProcessBuilder} finds it: a name with a slash is a path (relative to
   * the working folder), any other is looked up on {@code path} (the JVM's own PATH, which is the
   * one Java searches even when the trainer's env sets another).
   */
  static void checkProgram(String where, String program, String path) {
    if (program.contains("/")) {
      Path file;
      try {
        file = Path.of(program);
      } catch (InvalidPathException e) {
        throw new IllegalArgumentException(
            where + " " + program + " is not a valid path; give the program's path or its name");
      }
      if (!Files.exists(file)) {
        throw new IllegalArgumentException(
            where
                + " "
                + program
                + " does not exist"
                + (file.isAbsolute() ? "" : " (relative to " + Path.of("").toAbsolutePath() + ")")
                + "; give the path of the trainer program");
      }
      if (!Files.isRegularFile(file) || !Files.isExecutable(file)) {
        throw new IllegalArgumentException(
            where
                + " "
                + program
                + " is not an executable file; make it executable (chmod +x) or name its"
                + " interpreter first, e.g. python3,"
                + program);
      }
      return;
    }
    for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir).resolve(program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return;
      }
    }
    throw new IllegalArgumentException(
        where
            + " "
            + program
            + " is not a program on PATH; install it, add its folder to PATH, or give its path");
  }
}
