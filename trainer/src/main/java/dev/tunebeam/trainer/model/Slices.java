package dev.tunebeam.trainer.model;

import ai.djl.ndarray.index.NDIndex;

/**
 * Slices built as indices rather than parsed from strings such as {@code ":, 0:6"}: every training
 * step takes a dozen of them, and DJL parses an index string with regular expressions, work that a
 * fresh worker first runs interpreted and then spends its JIT compiler on (half a second of C2 time
 * per worker on the small halving study).
 */
public final class Slices {
  private Slices() {}

  /** {@code from:to} along the first axis. */
  public static NDIndex rows(long from, long to) {
    return new NDIndex().addSliceDim(from, to);
  }

  /** {@code :, from:to}: every row, columns {@code from} to {@code to}. */
  public static NDIndex columns(long from, long to) {
    return new NDIndex().addAllDim().addSliceDim(from, to);
  }
}
