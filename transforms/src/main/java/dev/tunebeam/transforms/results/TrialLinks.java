package dev.tunebeam.transforms.results;

/**
 * Links from the report to a trial's files. A trial folder under the report's own folder is linked
 * relatively ({@code trials/ID/metrics.json}), so the links work wherever the folder is read from:
 * a disk, a copy, or a bucket through the console's authenticated URLs. Anything else (a Vertex
 * job, a folder elsewhere) is shown as text.
 */
final class TrialLinks {
  private TrialLinks() {}

  static String html(String location, String outputDirectory) {
    if (location == null || location.isEmpty()) {
      return "";
    }
    String relative = relative(location, outputDirectory);
    if (relative == null) {
      return "<span class=\"muted\">" + Html.escape(location) + "</span>";
    }
    String folder = Html.escape(relative.endsWith("/") ? relative : relative + "/");
    return "<a href=\""
        + folder
        + "metrics.json\">metrics.json</a><a href=\""
        + folder
        + "\">folder</a>";
  }

  /**
   * The location relative to the output folder, or null when it is not inside it (or would climb
   * out).
   */
  static String relative(String location, String outputDirectory) {
    if (outputDirectory == null || outputDirectory.isEmpty()) {
      return null;
    }
    String base = outputDirectory.endsWith("/") ? outputDirectory : outputDirectory + "/";
    if (!location.startsWith(base) || location.length() == base.length()) {
      return null;
    }
    String rest = location.substring(base.length());
    for (String segment : rest.split("/")) {
      if (segment.equals("..")
          || segment.equals(".")
          || segment.contains(":")
          || segment.contains("\\")) {
        return null;
      }
    }
    // Each segment as a URL path segment, so spaces or '#' in a folder name still link.
    StringBuilder url = new StringBuilder();
    for (String segment : rest.split("/", -1)) {
      if (url.length() > 0) {
        url.append('/');
      }
      url.append(
          java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8)
              .replace("+", "%20"));
    }
    return url.toString();
  }
}
