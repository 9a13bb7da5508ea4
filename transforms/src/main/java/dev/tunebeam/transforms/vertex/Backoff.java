package dev.tunebeam.transforms.vertex;

import dev.tunebeam.transforms.settings.InvalidSettingException;
import java.io.Serializable;
import java.time.Duration;

/** Capped exponential backoff: {@code initial}, then doubling, never above {@code max}. */
record Backoff(Duration initial, Duration max) implements Serializable {
  private static final long serialVersionUID = 1L;

  public Backoff {
    check("backoff", initial, max);
  }

  /** A backoff whose refusal names {@code field}, the setting it is for (e.g. {@code polling}). */
  public static Backoff of(String field, Duration initial, Duration max) {
    check(field, initial, max);
    return new Backoff(initial, max);
  }

  private static void check(String field, Duration initial, Duration max) {
    if (initial == null
        || max == null
        || initial.isNegative()
        || initial.isZero()
        || max.compareTo(initial) < 0) {
      throw new InvalidSettingException(
          field,
          initial
              + " .. "
              + max
              + " is not allowed; the first wait must be positive and the longest at least the first");
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

  /**
   * Sleeps between half and all of the delay, so slots refused together do not retry in lockstep.
   */
  void sleep(int attempt) throws InterruptedException {
    long d = delay(attempt).toMillis();
    Thread.sleep(d / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(d / 2 + 1));
  }
}
