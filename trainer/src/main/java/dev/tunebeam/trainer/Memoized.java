package dev.tunebeam.trainer;

import java.util.function.Supplier;

/**
 * A supplier that builds its value once, on first use: one Cloud Storage client per process, not
 * one per write.
 */
public final class Memoized<T> implements Supplier<T> {
  private final Supplier<T> factory;
  private T value;

  private Memoized(Supplier<T> factory) {
    this.factory = factory;
  }

  public static <T> Memoized<T> of(Supplier<T> factory) {
    return new Memoized<>(factory);
  }

  @Override
  public synchronized T get() {
    if (value == null) {
      value = factory.get();
    }
    return value;
  }
}
