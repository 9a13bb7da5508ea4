package dev.tunebeam.transforms.search.gp;

import dev.tunebeam.transforms.space.Conditions;
import dev.tunebeam.transforms.space.NumericRange;
import dev.tunebeam.transforms.space.ParameterSpec;
import dev.tunebeam.transforms.space.Scale;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The space's parameters as coordinates of the unit cube, one per parameter in parents-first order,
 * for the Gaussian process.
 *
 * <p>A point of the cube ({@code latent}) always has every coordinate; what the process sees
 * ({@link #features}) is the point it stands for:
 *
 * <ul>
 *   <li>a double range, or an integer range of more than {@value #GRID_LIMIT} values, is a
 *       continuous coordinate: {@code [0, 1]} spans the range, in its logarithm for a log scale (an
 *       integer range widened by half a step at each end, as TPE widens it, and rounded when
 *       proposed);
 *   <li>a discrete list, or a smaller integer range, is a grid: each allowed value has its position
 *       on {@code [0, 1]} (by value, in the logarithm for a log-scaled range, and for a list whose
 *       values are all positive and span more than a factor of 10, such as batch sizes), and a
 *       coordinate stands for the nearest one, so proposals are always allowed values;
 *   <li>a categorical parameter's coordinate picks choice {@code floor(u K)}; the process sees the
 *       choice's index and compares indices only for equality ({@link Matern52}).
 * </ul>
 *
 * A parameter whose condition does not hold is absent from the point; the process sees it at a
 * fixed value (0.5, or the extra choice {@code K} for a categorical one), so two points that both
 * lack it agree there.
 */
final class UnitCube {
  static final int GRID_LIMIT = 32;
  private static final double ABSENT = 0.5;

  private enum Kind {
    CONTINUOUS,
    GRID,
    CATEGORY
  }

  private final Conditions conditions;
  private final List<ParameterSpec> parameters;
  private final Kind[] kinds;
  private final List<List<String>> values = new ArrayList<>();
  private final double[][] positions;
  private final double[] low;
  private final double[] high;

  UnitCube(Conditions conditions) {
    this.conditions = conditions;
    this.parameters = conditions.parentsFirst();
    int d = parameters.size();
    kinds = new Kind[d];
    positions = new double[d][];
    low = new double[d];
    high = new double[d];
    for (int i = 0; i < d; i++) {
      ParameterSpec p = parameters.get(i);
      NumericRange r = p.numeric();
      if (r != null && !(r.integer() && r.max() - r.min() < GRID_LIMIT)) {
        kinds[i] = Kind.CONTINUOUS;
        boolean log = r.scale() == Scale.LOG;
        // A log-scaled integer keeps its widened low end positive, as TPE does.
        low[i] = log ? Math.log(r.integer() ? Math.max(r.low(), 0.5) : r.low()) : r.low();
        high[i] = log ? Math.log(r.high()) : r.high();
        values.add(List.of());
      } else if (p instanceof ParameterSpec.Categorical c) {
        kinds[i] = Kind.CATEGORY;
        values.add(c.values());
      } else {
        kinds[i] = Kind.GRID;
        // Every whole number of a small integer range (its gridValues need steps); a list's values.
        List<String> v =
            r != null
                ? java.util.stream.LongStream.rangeClosed(r.min(), r.max())
                    .mapToObj(Long::toString)
                    .toList()
                : p.gridValues();
        values.add(v);
        positions[i] = gridPositions(v, r != null && r.scale() == Scale.LOG);
      }
    }
  }

  /** Positions on [0, 1] by value; logarithmic for a log scale or positive values over 10x. */
  private static double[] gridPositions(List<String> values, boolean logScale) {
    double[] v = values.stream().mapToDouble(Double::parseDouble).toArray();
    double min = java.util.Arrays.stream(v).min().orElse(0);
    double max = java.util.Arrays.stream(v).max().orElse(0);
    boolean log = min > 0 && (logScale || max / min > 10);
    double lo = log ? Math.log(min) : min;
    double hi = log ? Math.log(max) : max;
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = hi > lo ? ((log ? Math.log(v[i]) : v[i]) - lo) / (hi - lo) : 0.5;
    }
    return out;
  }

  int dimensions() {
    return kinds.length;
  }

  /** Which feature columns hold a choice index (compared only for equality). */
  boolean[] categorical() {
    boolean[] c = new boolean[kinds.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = kinds[i] == Kind.CATEGORY;
    }
    return c;
  }

  /** Whether coordinate {@code i} moves continuously (a local optimiser may move it). */
  boolean continuous(int i) {
    return kinds[i] == Kind.CONTINUOUS;
  }

  /**
   * The coordinates a discrete move of coordinate {@code i} can take: one per allowed value (empty
   * for a continuous coordinate).
   */
  double[] choices(int i) {
    return switch (kinds[i]) {
      case CONTINUOUS -> new double[0];
      case GRID -> positions[i].clone();
      case CATEGORY -> {
        int k = values.get(i).size();
        double[] c = new double[k];
        for (int j = 0; j < k; j++) {
          c[j] = (j + 0.5) / k;
        }
        yield c;
      }
    };
  }

  /** The point a cube coordinate stands for: active parameters only, canonical values. */
  Map<String, String> point(double[] latent) {
    Map<String, String> point = new LinkedHashMap<>();
    for (int i = 0; i < kinds.length; i++) {
      ParameterSpec p = parameters.get(i);
      if (conditions.active(p.name(), point)) {
        point.put(p.name(), value(i, latent[i]));
      }
    }
    return point;
  }

  /**
   * What the process sees for cube coordinate {@code latent}: grid coordinates snapped to their
   * value, categories to their index, absent parameters at their fixed value.
   */
  double[] features(double[] latent) {
    boolean[] active = active(latent);
    double[] f = new double[kinds.length];
    for (int i = 0; i < kinds.length; i++) {
      if (!active[i]) {
        f[i] = kinds[i] == Kind.CATEGORY ? values.get(i).size() : ABSENT;
        continue;
      }
      f[i] =
          switch (kinds[i]) {
            case CONTINUOUS -> clip(latent[i]);
            case GRID -> positions[i][nearest(i, latent[i])];
            case CATEGORY -> category(i, latent[i]);
          };
    }
    return f;
  }

  /** The continuous coordinates whose parameter is active at {@code latent}. */
  int[] activeContinuous(double[] latent) {
    boolean[] active = active(latent);
    return java.util.stream.IntStream.range(0, kinds.length)
        .filter(i -> active[i] && kinds[i] == Kind.CONTINUOUS)
        .toArray();
  }

  /** Which parameters' conditions hold at {@code latent}. */
  private boolean[] active(double[] latent) {
    boolean[] active = new boolean[kinds.length];
    if (conditions.isEmpty()) {
      java.util.Arrays.fill(active, true);
      return active;
    }
    Map<String, String> parents = new LinkedHashMap<>();
    for (int i = 0; i < kinds.length; i++) {
      ParameterSpec p = parameters.get(i);
      active[i] = conditions.active(p.name(), parents);
      // Only a categorical, discrete or integer parameter can be a parent.
      if (active[i] && (kinds[i] != Kind.CONTINUOUS || p.numeric().integer())) {
        parents.put(p.name(), value(i, latent[i]));
      }
    }
    return active;
  }

  /**
   * A cube coordinate for a point (as a trial holds it); an absent parameter gets the middle.
   * Values outside the space are clipped to it (an earlier study's trial may lie outside).
   */
  double[] latent(Map<String, String> point) {
    double[] x = new double[kinds.length];
    for (int i = 0; i < kinds.length; i++) {
      String v = point.get(parameters.get(i).name());
      x[i] = v == null ? ABSENT : coordinate(i, v);
    }
    return x;
  }

  private double coordinate(int i, String v) {
    return switch (kinds[i]) {
      case CONTINUOUS -> {
        double n = Double.parseDouble(v);
        boolean log = parameters.get(i).numeric().scale() == Scale.LOG;
        yield clip(((log ? Math.log(n) : n) - low[i]) / (high[i] - low[i]));
      }
      case GRID -> {
        int j = values.get(i).indexOf(v);
        yield j >= 0 ? positions[i][j] : nearestByValue(i, Double.parseDouble(v));
      }
      case CATEGORY -> {
        int j = Math.max(0, values.get(i).indexOf(v));
        yield (j + 0.5) / values.get(i).size();
      }
    };
  }

  private double nearestByValue(int i, double v) {
    List<String> vs = values.get(i);
    int best = 0;
    for (int j = 1; j < vs.size(); j++) {
      if (Math.abs(Double.parseDouble(vs.get(j)) - v)
          < Math.abs(Double.parseDouble(vs.get(best)) - v)) {
        best = j;
      }
    }
    return positions[i][best];
  }

  private String value(int i, double u) {
    return switch (kinds[i]) {
      case CONTINUOUS -> {
        NumericRange r = parameters.get(i).numeric();
        double internal = low[i] + clip(u) * (high[i] - low[i]);
        double v = r.scale() == Scale.LOG ? Math.exp(internal) : internal;
        yield r.value(r.integer() ? v : Math.max(min(i), Math.min(max(i), v)));
      }
      case GRID -> values.get(i).get(nearest(i, u));
      case CATEGORY -> values.get(i).get(category(i, u));
    };
  }

  private double min(int i) {
    return parameters.get(i) instanceof ParameterSpec.DoubleRange d ? d.min() : low[i];
  }

  private double max(int i) {
    return parameters.get(i) instanceof ParameterSpec.DoubleRange d ? d.max() : high[i];
  }

  private int nearest(int i, double u) {
    double[] pos = positions[i];
    int best = 0;
    for (int j = 1; j < pos.length; j++) {
      if (Math.abs(pos[j] - u) < Math.abs(pos[best] - u)) {
        best = j;
      }
    }
    return best;
  }

  private int category(int i, double u) {
    int k = values.get(i).size();
    return Math.min(k - 1, (int) Math.floor(clip(u) * k));
  }

  private static double clip(double u) {
    return Math.max(0, Math.min(1, u));
  }
}
