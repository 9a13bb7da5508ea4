package dev.tunebeam.transforms.run;

import java.io.Serializable;
import java.util.Locale;
import org.apache.beam.sdk.annotations.Internal;

/**
 * How well a run kept this machine's cores busy with its trials: core-seconds its lanes spent
 * running trials (a lane counts from taking a group until its results are read, at most one core
 * per compute thread, and never more than the machine's cores at once) over the core-seconds that
 * were available from the first group's start to the last group's end.
 */
@Internal
public record Utilisation(
    double busyCoreSeconds, double availableCoreSeconds, int cores, double seconds)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Busy over available, 0 to 1; NaN when nothing ran. */
  public double fraction() {
    return availableCoreSeconds > 0 ? busyCoreSeconds / availableCoreSeconds : Double.NaN;
  }

  /** {@code utilisation 93.1% (1,234 of 1,325 core-seconds on 2 cores)}. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "utilisation %.1f%% (%,.0f of %,.0f core-seconds on %d cores, %.0f s of training)",
        100 * fraction(),
        busyCoreSeconds,
        availableCoreSeconds,
        cores,
        seconds);
  }
}
