package dev.tunebeam.transforms.vertex;

import java.io.Serializable;
import java.time.Duration;

/** Capped exponential backoff: {@code initial}, then doubling, never above {@code max}. */
public record Backoff(Duration initial, Duration max) implements Serializable {
  private static final long serialVersionUID = 1L;

  public Backoff {
    if (initial == null || max == null || initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("backoff " + initial + " .. " + max + " is not allowed; initial must be positive and max at least initial");
    }
  }

  /** The wait before retry {@code attempt} (0 = the first wait). */
  public Duration delay(int attempt) {
    long millis = initial.toMillis();
    for (int i = 0; i < attempt && millis < max.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, max.toMillis()));
  }

  /** Sleeps between half and all of the delay, so slots refused together do not retry in lockstep. */
  void sleep(int attempt) throws InterruptedException {
    long d = delay(attempt).toMillis();
    Thread.sleep(d / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(d / 2 + 1));
  }
}
