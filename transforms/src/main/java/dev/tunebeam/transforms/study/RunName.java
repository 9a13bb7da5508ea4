package dev.tunebeam.transforms.study;

import org.apache.beam.sdk.annotations.Internal;

/**
 * A name a person can read for a trial's TensorBoard run: its parameter values in the space's
 * order, then the first 8 digits of its id, which keep names of equal-looking trials apart ({@code
 * relu-adam-64-3ea4095d}). Only letters, digits, '.' and '_' survive from a value, and the value
 * part is cut at {@value #MAX_VALUES_CHARS} characters, so the name is always a safe folder name on
 * disk and in a bucket.
 */
@Internal
public final class RunName {
  static final int MAX_VALUES_CHARS = 64;

  private RunName() {}

  public static String of(Trial trial) {
    StringBuilder values = new StringBuilder();
    for (String v : trial.parameters().values()) {
      String safe = v.replaceAll("[^A-Za-z0-9._]+", "_");
      if (!safe.isEmpty()) {
        values.append(values.length() == 0 ? "" : "-").append(safe);
      }
    }
    String prefix =
        values.length() > MAX_VALUES_CHARS
            ? values.substring(0, MAX_VALUES_CHARS)
            : values.toString();
    String id = trial.id().length() > 8 ? trial.id().substring(0, 8) : trial.id();
    return prefix.isEmpty() ? id : prefix + "-" + id;
  }
}
