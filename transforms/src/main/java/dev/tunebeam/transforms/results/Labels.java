package dev.tunebeam.transforms.results;

/** Short forms of values for crowded axes; tooltips and the table keep the full text. */
final class Labels {
  static final int MAX_CHARS = 14;

  private Labels() {}

  static String shorten(String s) {
    return s.codePointCount(0, s.length()) <= MAX_CHARS ? s : s.substring(0, s.offsetByCodePoints(0, MAX_CHARS - 1)) + "…";
  }
}
