package dev.tunebeam.transforms.vertex;

/** Checks the shape of a Google Cloud region name before it becomes part of a host name or a resource path. */
final class Regions {
  private Regions() {}

  static String check(String field, String region) {
    if (region == null || !region.matches("[a-z]+-[a-z]+\\d+")) {
      throw new IllegalArgumentException(field + " " + region + " is not a Google Cloud region; use a name like us-central1 or europe-west4");
    }
    return region;
  }
}
