package dev.tunebeam.transforms.run;

import java.util.function.LongSupplier;
import org.apache.beam.sdk.annotations.Internal;

/**
 * Integrates how many of this machine's cores a run's lanes kept busy over time: each lane that
 * runs a group adds its compute threads, capped at the machine's cores (a spare worker on a full
 * machine shares cores rather than adding any). The window starts when the first group starts and
 * ends when the last one ends, so the time before training (building the pipeline, planning) and
 * after it is not counted against the lanes.
 */
@Internal
public final class CoreUsage {
  private final int cores;
  private final LongSupplier nanos;
  private long first = -1;
  private long last;
  private long changed;
  private int active;
  private int lanes;
  private double busyCoreNanos;

  public CoreUsage(int cores, LongSupplier nanos) {
    this.cores = Math.max(1, cores);
    this.nanos = nanos;
  }

  /** A lane with {@code threads} compute threads here (0: its work runs elsewhere) took a group. */
  public synchronized void start(int threads) {
    long now = nanos.getAsLong();
    if (first < 0) {
      first = now;
      changed = now;
    }
    advance(now);
    active += threads;
    lanes++;
  }

  /**
   * A running group took {@code threads} more compute threads (borrowed from idle lanes), or gave
   * them back (negative).
   */
  public synchronized void adjust(int threads) {
    advance(nanos.getAsLong());
    active += threads;
  }

  /** That lane's group ended. */
  public synchronized void stop(int threads) {
    long now = nanos.getAsLong();
    advance(now);
    active -= threads;
    lanes--;
    last = now;
  }

  private void advance(long now) {
    busyCoreNanos += Math.min(cores, Math.max(0, active)) * (double) (now - changed);
    changed = now;
  }

  /** The figure so far: up to now while a lane runs, else up to the last group's end. */
  public synchronized Utilisation snapshot() {
    if (first < 0) {
      return new Utilisation(0, 0, cores, 0);
    }
    long end = lanes > 0 ? nanos.getAsLong() : last;
    double busy = busyCoreNanos;
    if (lanes > 0) {
      busy += Math.min(cores, Math.max(0, active)) * (double) (end - changed);
    }
    double seconds = (end - first) / 1e9;
    return new Utilisation(busy / 1e9, cores * seconds, cores, seconds);
  }
}
