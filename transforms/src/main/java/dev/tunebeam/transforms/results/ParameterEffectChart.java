package dev.tunebeam.transforms.results;

import java.util.List;

/**
 * The objective grouped by each value of one hyperparameter: every trial as a dot, the mean as a
 * bar and the best as a triangle. Panels share the objective's scale so they compare at a glance.
 */
final class ParameterEffectChart {
  static final double WIDTH = 340;
  static final double HEIGHT = 270;
  private static final double LEFT = 52;
  private static final double RIGHT = 12;
  private static final double TOP = 30;
  private static final double BOTTOM = 64;
  /** Spreads dots of one value sideways, evenly and the same on every render. */
  private static final double GOLDEN = 0.6180339887;

  private ParameterEffectChart() {}

  /** One panel per parameter, or a note when nothing succeeded. */
  static String render(List<RankedTrial> trials, List<String> parameters, Objective objective) {
    if (trials.isEmpty()) {
      return "<p class=\"note\">No successful trial to plot.</p>\n";
    }
    double[] range = ParallelCoordinatesChart.objectiveRange(trials, objective);
    double[] domain = Scale.padded(range[0], range[1], 0.05, 0.01);
    StringBuilder html = new StringBuilder("<div class=\"panels\">\n");
    List<TrialResult> results = trials.stream().map(RankedTrial::result).toList();
    for (String p : parameters) {
      html.append(panel(ParameterAxis.of(p, results), trials, objective, domain));
    }
    return html.append("</div>\n").toString();
  }

  private static String panel(ParameterAxis axis, List<RankedTrial> trials, Objective objective, double[] domain) {
    Scale y = Scale.linear(domain[0], domain[1], HEIGHT - BOTTOM, TOP);
    double bottom = HEIGHT - BOTTOM;
    List<String> values = axis.categories();
    double band = (WIDTH - LEFT - RIGHT) / values.size();
    String label = ObjectiveLabel.of(objective);
    Svg svg = new Svg("chart effect", WIDTH, HEIGHT, label + " by " + axis.name());
    svg.text(WIDTH / 2, 18, axis.name(), "panel-title", "middle", 0);
    for (double t : y.ticks(5)) {
      svg.line(LEFT, y.at(t), WIDTH - RIGHT, y.at(t), "grid");
      svg.text(LEFT - 6, y.at(t) + 4, Html.number(t), "tick", "end", 0);
    }
    svg.line(LEFT, bottom, WIDTH - RIGHT, bottom, "axis");
    svg.line(LEFT, TOP, LEFT, bottom, "axis");
    boolean crowded = values.size() > 4;
    for (int v = 0; v < values.size(); v++) {
      String value = values.get(v);
      double cx = LEFT + (v + 0.5) * band;
      List<RankedTrial> group = trials.stream().filter(t -> ParameterAxis.valueOf(t.result(), axis.name()).equals(value)).toList();
      double mean = group.stream().mapToDouble(t -> objective.of(t.result())).average().orElse(Double.NaN);
      double best = group.stream().mapToDouble(t -> objective.of(t.result())).reduce(objective.maximize() ? Math::max : Math::min).orElse(Double.NaN);
      double barWidth = Math.min(36, band * 0.6);
      svg.rect(cx - barWidth / 2, y.at(mean), barWidth, Math.max(0, bottom - y.at(mean)), "mean-bar", null);
      for (int i = 0; i < group.size(); i++) {
        double jitter = ((i * GOLDEN) % 1 - 0.5) * barWidth * 0.8;
        RankedTrial t = group.get(i);
        svg.circle(cx + jitter, y.at(objective.of(t.result())), 3.5, "trial-dot", t.id(), "#4e79a7", t.tooltip(objective));
      }
      svg.triangle(cx, y.at(best) - 9, 9, "max-mark",
          axis.name() + "=" + value + ": best " + Html.number(best) + ", mean " + Html.number(mean) + " over " + group.size() + " trials");
      double ly = bottom + 16;
      svg.text(cx, ly, Labels.shorten(value), "tick", crowded ? "end" : "middle", crowded ? -35 : 0);
    }
    svg.text(14, (TOP + bottom) / 2, label, "axis-title", "middle", -90);
    return svg.close();
  }
}
