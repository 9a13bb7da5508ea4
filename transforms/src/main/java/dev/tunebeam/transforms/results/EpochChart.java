package dev.tunebeam.transforms.results;

import dev.tunebeam.trainer.report.EpochRecord;
import java.util.ArrayList;
import java.util.List;

/** Test accuracy per epoch, one line per trial, the best drawn last so it stays on top. */
final class EpochChart {
  static final double WIDTH = 1000;
  static final double HEIGHT = 420;
  private static final double LEFT = 64;
  private static final double RIGHT = 24;
  private static final double TOP = 16;
  private static final double BOTTOM = 48;

  private EpochChart() {}

  /** The chart and its legend, or a note when no trial has an epoch to show. */
  static String render(List<RankedTrial> trials, Objective objective) {
    List<RankedTrial> drawn = trials.stream().filter(t -> !t.result().history().isEmpty()).toList();
    if (drawn.isEmpty()) {
      return "<p class=\"note\">No successful trial reported an epoch.</p>\n";
    }
    int maxEpoch = 1;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (RankedTrial t : drawn) {
      for (EpochRecord e : t.result().history()) {
        maxEpoch = Math.max(maxEpoch, e.epoch());
        lo = Math.min(lo, e.metric(EpochRecord.TEST_ACCURACY));
        hi = Math.max(hi, e.metric(EpochRecord.TEST_ACCURACY));
      }
    }
    double[] domain = Scale.padded(lo, hi, 0.05, 0.01);
    Scale y = Scale.linear(domain[0], domain[1], HEIGHT - BOTTOM, TOP);
    Scale x = Scale.linear(1, maxEpoch, LEFT + 12, WIDTH - RIGHT - 12);

    Svg svg = new Svg("chart epochs", WIDTH, HEIGHT, "Test accuracy per epoch for " + drawn.size() + " trials");
    for (double t : y.ticks(6)) {
      svg.line(LEFT, y.at(t), WIDTH - RIGHT, y.at(t), "grid");
      svg.text(LEFT - 6, y.at(t) + 4, Html.number(t), "tick", "end", 0);
    }
    for (int e : epochTicks(maxEpoch)) {
      svg.line(x.at(e), HEIGHT - BOTTOM, x.at(e), HEIGHT - BOTTOM + 5, "axis");
      svg.text(x.at(e), HEIGHT - BOTTOM + 18, Integer.toString(e), "tick", "middle", 0);
    }
    svg.line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "axis");
    svg.line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "axis");
    svg.text((LEFT + WIDTH - RIGHT) / 2, HEIGHT - 8, "epoch", "axis-title", "middle", 0);
    svg.text(16, (TOP + HEIGHT - BOTTOM) / 2, "test accuracy", "axis-title", "middle", -90);

    for (int i = drawn.size() - 1; i >= 0; i--) {
      RankedTrial t = drawn.get(i);
      String color = Palette.series(i, drawn.size());
      List<double[]> points = new ArrayList<>();
      for (EpochRecord e : t.result().history()) {
        points.add(new double[] {x.at(e.epoch()), y.at(e.metric(EpochRecord.TEST_ACCURACY))});
      }
      svg.series(points, i == 0 ? "series best" : "series", t.id(), color, t.tooltip(objective));
      for (int p = 0; p < points.size(); p++) {
        EpochRecord e = t.result().history().get(p);
        svg.circle(points.get(p)[0], points.get(p)[1], 3, "point", t.id(), color,
            t.id() + " epoch " + e.epoch() + ": test accuracy " + Html.number(e.metric(EpochRecord.TEST_ACCURACY)));
      }
    }
    return svg.close() + legend(drawn, objective);
  }

  private static List<Integer> epochTicks(int maxEpoch) {
    List<Integer> ticks = new ArrayList<>();
    int step = maxEpoch <= 20 ? 1 : (int) Math.ceil(maxEpoch / 10.0);
    for (int e = 1; e <= maxEpoch; e += step) {
      ticks.add(e);
    }
    return ticks;
  }

  private static String legend(List<RankedTrial> drawn, Objective objective) {
    StringBuilder html = new StringBuilder("<ol class=\"legend\">\n");
    for (int i = 0; i < drawn.size(); i++) {
      RankedTrial t = drawn.get(i);
      html.append("<li><span class=\"swatch\" style=\"background:").append(Html.escape(Palette.series(i, drawn.size())))
          .append("\"></span>#").append(t.rank()).append(' ').append(Html.escape(t.id())).append(" <span class=\"muted\">")
          .append(Html.escape(t.result().trial().describe())).append(" · ").append(Html.number(objective.of(t.result())))
          .append("</span></li>\n");
    }
    return html.append("</ol>\n").toString();
  }
}
