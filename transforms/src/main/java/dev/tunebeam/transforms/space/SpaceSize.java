package dev.tunebeam.transforms.space;

import org.apache.beam.sdk.annotations.Internal;

/**
 * How many trials a search space schedules, counted from its specs alone: nothing is expanded, so a
 * grid of two billion points is refused with its size instead of filling the heap. The count is the
 * algorithm's ({@link AlgorithmCatalog#trials}); every algorithm is bounded by {@link #checkFits}.
 */
@Internal
public final class SpaceSize {
  /**
   * Heap one planned trial may need while the pipeline is built and run (its parameter map, its id,
   * its encoded copies in the runner): measured well under this, kept generous on purpose.
   */
  static final long BYTES_PER_TRIAL = 4096;

  /**
   * Heap one listed grid point of a range takes before duplicates are dropped (a boxed double and
   * its text).
   */
  static final long BYTES_PER_POINT = 96;

  private SpaceSize() {}

  /** Trials the space schedules; {@link Long#MAX_VALUE} when the count itself overflows. */
  public static long trials(SearchSpace space) {
    return AlgorithmCatalog.get().trials(space);
  }

  /**
   * A grid's points (without repeats). With conditions the count walks each parameter's values, so
   * it runs only after every range's steps are known to fit in the heap.
   */
  public static long gridTrials(SearchSpace space) {
    if (space.conditions().isEmpty()) {
      return gridPoints(space);
    }
    checkSteps(space);
    try {
      return space.conditional().gridSize();
    } catch (ArithmeticException overflow) {
      return Long.MAX_VALUE;
    }
  }

  /** The product of each parameter's point count, saturating instead of overflowing. */
  static long gridPoints(SearchSpace space) {
    long n = 1;
    for (ParameterSpec p : space.parameters()) {
      long k = p.gridPointCount();
      if (k != 0 && n > Long.MAX_VALUE / k) {
        return Long.MAX_VALUE;
      }
      n *= k;
    }
    return n;
  }

  /**
   * Refuses a schedule larger than {@code maxTrials}, or one whose trials would not fit in the heap
   * this JVM may use (whatever {@code maxTrials} says), naming its size.
   */
  public static void checkFits(SearchSpace space, long maxTrials) {
    long size = trials(space);
    String count = size == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : Long.toString(size);
    if (size > maxTrials) {
      throw new IllegalArgumentException(
          "search space "
              + space.study()
              + " has "
              + count
              + " trials, more than maxTrials "
              + maxTrials
              + "; raise --maxTrials or narrow the space");
    }
    checkSteps(space);
    long heap = Runtime.getRuntime().maxMemory();
    if (size > heap / 2 / BYTES_PER_TRIAL) {
      throw new IllegalArgumentException(
          "search space "
              + space.study()
              + " has "
              + count
              + " trials; planning them needs about "
              + mib(size)
              + " MiB, more than half of the "
              + heap / (1 << 20)
              + " MiB heap this JVM may use; narrow the space");
    }
  }

  /** Refuses a range whose grid points alone would not fit in half the heap. */
  private static void checkSteps(SearchSpace space) {
    long heap = Runtime.getRuntime().maxMemory();
    for (ParameterSpec p : space.parameters()) {
      long steps = p.steps() == null ? 0 : p.steps();
      if (steps > heap / 2 / BYTES_PER_POINT) {
        throw new IllegalArgumentException(
            "parameter "
                + p.name()
                + " of search space "
                + space.study()
                + " has steps "
                + steps
                + "; listing that many grid points needs about "
                + (steps * BYTES_PER_POINT >> 20)
                + " MiB, more than half of the "
                + heap / (1 << 20)
                + " MiB heap this JVM may use; use fewer steps");
      }
    }
  }

  private static long mib(long trials) {
    return trials > Long.MAX_VALUE / BYTES_PER_TRIAL
        ? Long.MAX_VALUE >> 20
        : trials * BYTES_PER_TRIAL >> 20;
  }
}
