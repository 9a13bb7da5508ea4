package dev.tunebeam.transforms.study;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the study's {@link Objectives} judged one result: the value of each objective's metric (in
 * the objectives' order), the epoch they were read at, and the test accuracy there. One record
 * instead of loose fields on {@link TrialResult}, so a second metric is one more map entry, not
 * three more fields. {@link #NONE} until judged.
 */
public record Judgement(Map<String, Double> values, int epoch, double testAccuracy)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Not judged (yet): no values, epoch 0. */
  public static final Judgement NONE = new Judgement(Map.of(), 0, Double.NaN);

  public Judgement {
    // Insertion order is the objectives' order: the first value is the primary objective's.
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The metric's value; NaN when it was not judged on. */
  public double value(String metric) {
    Double v = values.get(metric);
    return v == null ? Double.NaN : v;
  }

  /** The first objective's value; NaN when not judged. */
  public double primary() {
    return values.isEmpty() ? Double.NaN : values.values().iterator().next();
  }
}
