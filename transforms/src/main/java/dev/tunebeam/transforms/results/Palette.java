package dev.tunebeam.transforms.results;

import java.util.List;
import java.util.Locale;

/**
 * Colours: a categorical set for up to ten series (Tableau 10, told apart by most readers), and
 * a sequential ramp (viridis stops) for more series or for a value such as accuracy.
 */
final class Palette {
  static final List<String> CATEGORICAL = List.of(
      "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac");
  static final List<String> RAMP = List.of("#fde725", "#7ad151", "#22a884", "#2a788e", "#414487", "#440154");

  private Palette() {}

  /** The colour of series {@code index} of {@code count}, ordered best first. */
  static String series(int index, int count) {
    if (count <= CATEGORICAL.size()) {
      return CATEGORICAL.get(index);
    }
    return ramp(1 - (double) index / (count - 1));
  }

  /** {@code t} in [0, 1]: light yellow for 0 to dark purple for 1. */
  static String ramp(double t) {
    double x = Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t)) * (RAMP.size() - 1);
    int i = Math.min((int) Math.floor(x), RAMP.size() - 2);
    double f = x - i;
    int a = Integer.parseInt(RAMP.get(i).substring(1), 16);
    int b = Integer.parseInt(RAMP.get(i + 1).substring(1), 16);
    int r = mix(a >> 16, b >> 16, f);
    int g = mix((a >> 8) & 0xff, (b >> 8) & 0xff, f);
    int bl = mix(a & 0xff, b & 0xff, f);
    return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, bl);
  }

  private static int mix(int a, int b, double f) {
    return (int) Math.round(a + (b - a) * f);
  }
}
