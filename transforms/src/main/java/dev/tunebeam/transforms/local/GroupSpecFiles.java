package dev.tunebeam.transforms.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary file that hands a fused group to its worker process. Its name carries the pid of
 * the pipeline that wrote it, so files a killed pipeline ({@code kill -9} runs no cleanup) left in
 * the temp folder are removed by the next run on the machine, while live runs' files are kept.
 */
final class GroupSpecFiles {
  private static final String PREFIX = "tunebeam-group-";
  private static final Pattern OWNED = Pattern.compile(Pattern.quote(PREFIX) + "p(\\d+)-.*\\.json");

  /** Files of the earlier naming (no pid): removed once surely no worker still needs them. */
  private static final Pattern LEGACY = Pattern.compile(Pattern.quote(PREFIX) + "-?\\d+\\.json");

  private static final Duration LEGACY_AGE = Duration.ofDays(1);
  private static final AtomicBoolean SWEPT = new AtomicBoolean();

  private GroupSpecFiles() {}

  /** A new group file in the temp folder, after sweeping orphans once per JVM. */
  static Path create() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    if (SWEPT.compareAndSet(false, true)) {
      removeOrphans(tmp);
    }
    return Files.createTempFile(tmp, PREFIX + "p" + ProcessHandle.current().pid() + "-", ".json");
  }

  /** Writes the group file the trainer's {@code --group} reads: one member per argument list. */
  static void write(Path file, List<List<String>> memberArgs) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    ArrayNode members = root.putArray("members");
    for (List<String> args : memberArgs) {
      ArrayNode a = members.addObject().putArray("args");
      args.forEach(a::add);
    }
    Files.write(file, json.writeValueAsBytes(root));
  }

  /** Deletes group files whose pipeline process is gone; returns how many. */
  static int removeOrphans(Path dir) {
    int removed = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*.json")) {
      for (Path f : files) {
        if (orphan(f)) {
          removed += Files.deleteIfExists(f) ? 1 : 0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Best effort: a temp folder that cannot be listed must not stop a study.
    }
    return removed;
  }

  private static boolean orphan(Path f) throws IOException {
    String name = f.getFileName().toString();
    Matcher m = OWNED.matcher(name);
    if (m.matches()) {
      return ProcessHandle.of(Long.parseLong(m.group(1))).map(p -> !p.isAlive()).orElse(true);
    }
    return LEGACY.matcher(name).matches()
        && Files.getLastModifiedTime(f).toInstant().isBefore(Instant.now().minus(LEGACY_AGE));
  }
}
