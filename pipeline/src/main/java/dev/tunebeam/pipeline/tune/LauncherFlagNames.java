package dev.tunebeam.pipeline.tune;

import java.util.Map;

/**
 * The launcher's flag for each field the library names in its errors: a library sentence is "FIELD
 * VALUE PROBLEM" in its own words ({@code machine type n1 is not ...}); the launcher's user typed
 * {@code --machine-type}. The one place the two vocabularies meet.
 */
final class LauncherFlagNames {
  static final Map<String, String> FLAG_OF_FIELD =
      Map.of(
          "project", "--project",
          "region", "--region",
          "bucket", "--bucket",
          "machine type", "--machine-type",
          "accelerator type", "--accelerator-type",
          "accelerator count", "--accelerator-count",
          "container image URI", "--container-uri",
          "service account", "--service-account",
          "Vertex AI endpoint", "--endpoint");

  private LauncherFlagNames() {}

  /**
   * The sentence with the field it starts with named as the launcher's flag; other sentences as
   * they are.
   */
  static String sentence(IllegalArgumentException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    String field = null;
    for (String f : FLAG_OF_FIELD.keySet()) {
      if (message.startsWith(f + " ") && (field == null || f.length() > field.length())) {
        field = f;
      }
    }
    return field == null ? message : FLAG_OF_FIELD.get(field) + message.substring(field.length());
  }
}
