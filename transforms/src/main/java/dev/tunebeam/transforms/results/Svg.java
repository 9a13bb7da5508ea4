package dev.tunebeam.transforms.results;

import java.util.List;

/**
 * Writes one inline SVG element. Attribute values and text are escaped here, so a chart cannot
 * inject markup whatever a trial id or parameter value holds.
 */
final class Svg {
  private final StringBuilder out = new StringBuilder();

  Svg(String cssClass, double width, double height, String label) {
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"").append(Html.escape(cssClass))
        .append("\" viewBox=\"0 0 ").append(Html.coord(width)).append(' ').append(Html.coord(height))
        .append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\">\n");
  }

  Svg line(double x1, double y1, double x2, double y2, String cssClass) {
    out.append("<line class=\"").append(Html.escape(cssClass)).append("\" x1=\"").append(Html.coord(x1)).append("\" y1=\"")
        .append(Html.coord(y1)).append("\" x2=\"").append(Html.coord(x2)).append("\" y2=\"").append(Html.coord(y2)).append("\"/>\n");
    return this;
  }

  Svg rect(double x, double y, double w, double h, String cssClass, String fill) {
    out.append("<rect class=\"").append(Html.escape(cssClass)).append("\" x=\"").append(Html.coord(x)).append("\" y=\"")
        .append(Html.coord(y)).append("\" width=\"").append(Html.coord(w)).append("\" height=\"").append(Html.coord(h)).append('"');
    if (fill != null) {
      out.append(" fill=\"").append(Html.escape(fill)).append('"');
    }
    out.append("/>\n");
    return this;
  }

  /** Text anchored at (x, y); {@code anchor} is start, middle or end; {@code rotate} in degrees about (x, y). */
  Svg text(double x, double y, String text, String cssClass, String anchor, double rotate) {
    out.append("<text class=\"").append(Html.escape(cssClass)).append("\" x=\"").append(Html.coord(x)).append("\" y=\"")
        .append(Html.coord(y)).append("\" text-anchor=\"").append(Html.escape(anchor)).append('"');
    if (rotate != 0) {
      out.append(" transform=\"rotate(").append(Html.coord(rotate)).append(' ').append(Html.coord(x)).append(' ')
          .append(Html.coord(y)).append(")\"");
    }
    out.append('>').append(Html.escape(text)).append("</text>\n");
    return this;
  }

  /**
   * A polyline through the points as a path, tagged with the trial it draws; {@code tooltip}
   * becomes a {@code <title>}, which browsers show on hover without any script.
   */
  Svg series(List<double[]> points, String cssClass, String trialId, String stroke, String tooltip) {
    StringBuilder d = new StringBuilder();
    for (double[] p : points) {
      d.append(d.length() == 0 ? "M" : " L").append(Html.coord(p[0])).append(' ').append(Html.coord(p[1]));
    }
    out.append("<path class=\"").append(Html.escape(cssClass)).append("\" data-trial=\"").append(Html.escape(trialId))
        .append("\" stroke=\"").append(Html.escape(stroke)).append("\" d=\"").append(d).append("\"><title>")
        .append(Html.escape(tooltip)).append("</title></path>\n");
    return this;
  }

  Svg circle(double cx, double cy, double r, String cssClass, String trialId, String fill, String tooltip) {
    out.append("<circle class=\"").append(Html.escape(cssClass)).append("\" data-trial=\"").append(Html.escape(trialId))
        .append("\" cx=\"").append(Html.coord(cx)).append("\" cy=\"").append(Html.coord(cy)).append("\" r=\"")
        .append(Html.coord(r)).append("\" fill=\"").append(Html.escape(fill)).append('"');
    if (tooltip == null) {
      out.append("/>\n");
    } else {
      out.append("><title>").append(Html.escape(tooltip)).append("</title></circle>\n");
    }
    return this;
  }

  /** A closed triangle pointing up, centred on (x, y). */
  Svg triangle(double x, double y, double size, String cssClass, String tooltip) {
    double h = size * 0.87;
    out.append("<path class=\"").append(Html.escape(cssClass)).append("\" d=\"M").append(Html.coord(x)).append(' ')
        .append(Html.coord(y - h / 2)).append(" L").append(Html.coord(x + size / 2)).append(' ').append(Html.coord(y + h / 2))
        .append(" L").append(Html.coord(x - size / 2)).append(' ').append(Html.coord(y + h / 2)).append(" Z\"><title>")
        .append(Html.escape(tooltip)).append("</title></path>\n");
    return this;
  }

  /** A horizontal gradient through the colours, usable as {@code fill="url(#id)"}. */
  Svg gradient(String id, List<String> colors) {
    out.append("<defs><linearGradient id=\"").append(Html.escape(id)).append("\">");
    for (int i = 0; i < colors.size(); i++) {
      out.append("<stop offset=\"").append(Html.coord(100.0 * i / (colors.size() - 1))).append("%\" stop-color=\"")
          .append(Html.escape(colors.get(i))).append("\"/>");
    }
    out.append("</linearGradient></defs>\n");
    return this;
  }

  String close() {
    return out.append("</svg>\n").toString();
  }
}
