package dev.tunebeam.transforms.results;

/**
 * How a trial ended. A failed trial stays in the results, with its error; a skipped one was never
 * run because more trials had failed than {@code --maxFailedTrials} allows; a stopped one was
 * ended early by a schedule (halving, Hyperband) and keeps the epochs it trained.
 */
public enum TrialStatus {
  SUCCEEDED,
  FAILED,
  SKIPPED,
  STOPPED
}
