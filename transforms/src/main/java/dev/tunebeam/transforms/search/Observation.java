package dev.tunebeam.transforms.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.annotations.Internal;

/**
 * A finished trial as a proposer reads it: its active searched values, and each objective's value
 * turned so that larger is better ({@code values}, in the objectives' order; one for a study with
 * one objective). {@code value} is the first objective's, for a proposer that optimises one.
 */
@Internal
public record Observation(Map<String, String> point, double value, List<Double> values) {
  public Observation {
    point = Collections.unmodifiableMap(new LinkedHashMap<>(point));
    values = List.copyOf(values);
    if (values.isEmpty() || values.get(0) != value) {
      throw new IllegalArgumentException(
          "values " + values + " must start with the first objective's value " + value);
    }
  }

  /** One objective's value, larger is better. */
  public Observation(Map<String, String> point, double value) {
    this(point, value, List.of(value));
  }

  /** Several objectives' values, each larger is better, in the objectives' order. */
  public Observation(Map<String, String> point, List<Double> values) {
    this(point, values.isEmpty() ? Double.NaN : values.get(0), values);
  }
}
