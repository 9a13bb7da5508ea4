package dev.tunebeam.transforms.space;

import java.nio.charset.StandardCharsets;

/** Search-space files written inline in tests, read as a file named {@code source} is. */
public final class SpaceFiles {
  private SpaceFiles() {}

  public static byte[] bytes(String yaml) {
    return yaml.getBytes(StandardCharsets.UTF_8);
  }

  public static SearchSpace parse(String source, String yaml) {
    return SearchSpaceLoader.parse(source, bytes(yaml));
  }
}
