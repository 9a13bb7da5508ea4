package dev.tunebeam.transforms.results;

/** How a trial ended. A failed trial stays in the results, with its error. */
public enum TrialStatus {
  SUCCEEDED,
  FAILED
}
