package dev.tunebeam.trainer.data;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dataset files this process has already parsed, so a warm worker that trains group after group
 * (and rung after rung) reads, checksums and unzips each file once instead of once per group: 0.5 s
 * of every job on the small halving study, paid again on each rung. Only a source that can say
 * which version of a file it holds ({@link DataSource#version}: a local file's size, modification
 * time and inode) is remembered, so a file changed between two jobs is read again. A few entries at
 * most: a worker trains one study's data.
 */
final class ParsedSplits {
  private static final int ENTRIES = 4;

  /** A parsed pair of files and the SHA-256 of each as stored. */
  record Parsed(Split split, Map<String, String> sha256) {}

  @FunctionalInterface
  interface Parser {
    Parsed parse() throws IOException;
  }

  private static final Map<List<Object>, Parsed> CACHE =
      new LinkedHashMap<>(ENTRIES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, Parsed> eldest) {
          return size() > ENTRIES;
        }
      };

  private ParsedSplits() {}

  /**
   * {@code images} and {@code labels} of {@code source} read with {@code limit}: from memory when
   * the same versions of both files were parsed with that limit before, else by {@code parser}.
   */
  static Parsed get(
      DataSource source, FashionMnistFile images, FashionMnistFile labels, int limit, Parser parser)
      throws IOException {
    Optional<String> imageVersion = source.version(images);
    Optional<String> labelVersion = source.version(labels);
    if (imageVersion.isEmpty() || labelVersion.isEmpty()) {
      return parser.parse();
    }
    List<Object> key = List.of(source.location(), imageVersion.get(), labelVersion.get(), limit);
    synchronized (CACHE) {
      Parsed hit = CACHE.get(key);
      if (hit != null) {
        return hit;
      }
    }
    Parsed parsed = parser.parse();
    synchronized (CACHE) {
      CACHE.put(key, parsed);
    }
    return parsed;
  }

  /** How many parsed pairs this process holds (for tests). */
  static int size() {
    synchronized (CACHE) {
      return CACHE.size();
    }
  }
}
