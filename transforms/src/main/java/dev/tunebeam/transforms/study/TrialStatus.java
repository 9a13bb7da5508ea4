package dev.tunebeam.transforms.study;

/**
 * How a trial ended. A failed trial stays in the results, with its error; a stopped one was ended
 * early by a schedule (halving, early stopping) and keeps its history so far; a skipped one was
 * never run because more trials had failed than the failure budget allows. While a study runs, the
 * results written as trials finish show the others as running (a lane has them) or queued.
 */
public enum TrialStatus {
  SUCCEEDED,
  STOPPED,
  FAILED,
  SKIPPED,
  RUNNING,
  QUEUED
}
