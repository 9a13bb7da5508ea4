package dev.tunebeam.transforms.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One vertical axis per hyperparameter and a last one for the objective; each trial is a line
 * across them, coloured by its objective, so good regions of the space show as dark bundles.
 */
final class ParallelCoordinatesChart {
  static final double WIDTH = 1000;
  static final double HEIGHT = 440;
  private static final double SIDE = 90;
  private static final double TOP = 44;
  private static final double BOTTOM = 56;

  private ParallelCoordinatesChart() {}

  static String render(List<RankedTrial> trials, List<String> parameters, Objective objective) {
    if (trials.isEmpty()) {
      return "<p class=\"note\">No successful trial to plot.</p>\n";
    }
    List<TrialResult> results = trials.stream().map(RankedTrial::result).toList();
    List<ParameterAxis> axes = parameters.stream().map(p -> ParameterAxis.of(p, results)).toList();
    double[] range = objectiveRange(trials, objective);
    double[] domain = Scale.padded(range[0], range[1], 0.05, 0.01);
    Scale metric = Scale.linear(domain[0], domain[1], HEIGHT - BOTTOM, TOP);
    int columns = axes.size() + 1;
    double bottom = HEIGHT - BOTTOM;

    Svg svg = new Svg("chart parallel", WIDTH, HEIGHT,
        "Parallel coordinates of " + axes.size() + " hyperparameters against " + ObjectiveLabel.of(objective));
    svg.gradient("pc-ramp", Palette.RAMP);
    for (int a = 0; a < axes.size(); a++) {
      double x = axisX(a, columns);
      svg.line(x, TOP, x, bottom, "axis");
      svg.text(x, TOP - 18, axes.get(a).name(), "axis-title", "middle", 0);
      for (Map.Entry<String, Double> tick : axes.get(a).ticks(bottom, TOP).entrySet()) {
        svg.line(x - 4, tick.getValue(), x, tick.getValue(), "axis");
        svg.text(x - 7, tick.getValue() + 4, Labels.shorten(tick.getKey()), "tick", "end", 0);
      }
    }
    double mx = axisX(axes.size(), columns);
    svg.line(mx, TOP, mx, bottom, "axis");
    svg.text(mx, TOP - 18, ObjectiveLabel.of(objective), "axis-title", "middle", 0);
    for (double t : metric.ticks(6)) {
      svg.line(mx, metric.at(t), mx + 4, metric.at(t), "axis");
      svg.text(mx + 7, metric.at(t) + 4, Html.number(t), "tick", "start", 0);
    }

    for (int i = trials.size() - 1; i >= 0; i--) {
      RankedTrial t = trials.get(i);
      List<double[]> points = new ArrayList<>();
      for (int a = 0; a < axes.size(); a++) {
        points.add(new double[] {axisX(a, columns), axes.get(a).position(t.result(), bottom, TOP)});
      }
      points.add(new double[] {mx, metric.at(objective.of(t.result()))});
      svg.series(points, i == 0 ? "pc-line best" : "pc-line", t.id(), Palette.ramp(goodness(t, range, objective)), t.tooltip(objective));
    }

    double legendX = WIDTH - SIDE - 180;
    svg.rect(legendX, HEIGHT - 22, 180, 10, "ramp", "url(#pc-ramp)");
    svg.text(legendX - 6, HEIGHT - 13, "worse", "tick", "end", 0);
    svg.text(legendX + 186, HEIGHT - 13, "better", "tick", "start", 0);
    return svg.close();
  }

  private static double axisX(int index, int columns) {
    return columns == 1 ? WIDTH / 2 : SIDE + index * (WIDTH - 2 * SIDE) / (columns - 1);
  }

  static double[] objectiveRange(List<RankedTrial> trials, Objective objective) {
    double lo = trials.stream().mapToDouble(t -> objective.of(t.result())).min().orElse(0);
    double hi = trials.stream().mapToDouble(t -> objective.of(t.result())).max().orElse(1);
    return new double[] {lo, hi};
  }

  /** 0 for the worst trial, 1 for the best, whichever way the objective points. */
  static double goodness(RankedTrial t, double[] range, Objective objective) {
    if (range[1] == range[0]) {
      return 1;
    }
    double f = (objective.of(t.result()) - range[0]) / (range[1] - range[0]);
    return objective.maximize() ? f : 1 - f;
  }
}
