package dev.tunebeam.transforms.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A finished trial as a proposer reads it: its active searched values, and the objective's value
 * turned so that larger is better.
 */
public record Observation(Map<String, String> point, double value) {
  public Observation {
    point = Collections.unmodifiableMap(new LinkedHashMap<>(point));
  }
}
