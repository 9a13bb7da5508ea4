package dev.tunebeam.pipeline.lock;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One run owns an output folder at a time: it creates {@code OUTPUT/.tunebeam.lock} (atomically, or
 * on gs:// with a doesNotExist precondition) and refreshes it every minute. A second run is refused
 * with the owner's host, pid and start time. A lock whose process is gone (same host) or that has
 * not been refreshed for {@link #STALE_AFTER} (another host) is taken over with a warning, so a run
 * killed with {@code kill -9} does not block its own resume.
 */
public final class OutputLock implements AutoCloseable {
  public static final String FILE_NAME = ".tunebeam.lock";
  public static final Duration STALE_AFTER = Duration.ofMinutes(10);
  static final Duration HEARTBEAT = Duration.ofMinutes(1);

  private final LockStore store;
  private final Clock clock;
  private final Consumer<String> warn;
  private LockOwner owner;
  private Object version;
  private ScheduledExecutorService heartbeat;

  private OutputLock(LockStore store, Clock clock, Consumer<String> warn) {
    this.store = store;
    this.clock = clock;
    this.warn = warn;
  }

  /**
   * Takes the lock or throws IllegalArgumentException naming its owner; {@code warn} hears of a
   * takeover.
   */
  public static OutputLock acquire(
      String flag, String output, LockStore store, Clock clock, Consumer<String> warn) {
    OutputLock lock = new OutputLock(store, clock, warn);
    try {
      lock.take(flag, output);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          flag
              + " "
              + output
              + ": cannot create the lock "
              + store.location()
              + ": "
              + e.getMessage());
    }
    lock.startHeartbeat();
    return lock;
  }

  private void take(String flag, String output) throws IOException {
    for (int attempt = 0; attempt < 3; attempt++) {
      LockOwner me = LockOwner.thisProcess(clock.instant());
      Optional<Object> created = store.createIfAbsent(me.toJson());
      if (created.isPresent()) {
        owner = me;
        version = created.get();
        return;
      }
      Optional<LockStore.Versioned> held = store.read();
      if (held.isEmpty()) {
        continue;
      }
      Optional<LockOwner> other = LockOwner.parse(held.get().content());
      Optional<String> stale =
          other.isEmpty()
              ? Optional.of("it cannot be read")
              : other.get().staleBecause(clock.instant(), STALE_AFTER);
      if (stale.isEmpty()) {
        throw new IllegalArgumentException(
            flag
                + " "
                + output
                + " is in use by another run ("
                + other.get().describe()
                + "; lock "
                + store.location()
                + "); wait for it to finish or choose another "
                + flag
                + ", and delete the lock only if that run is gone");
      }
      warn.accept(
          "taking over the lock "
              + store.location()
              + (other.isPresent() ? " of " + other.get().describe() : "")
              + ": "
              + stale.get());
      store.delete(held.get().version());
    }
    throw new IllegalArgumentException(
        flag
            + " "
            + output
            + ": another run keeps taking the lock "
            + store.location()
            + "; run one at a time");
  }

  private void startHeartbeat() {
    heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tunebeam-lock-heartbeat");
              t.setDaemon(true);
              return t;
            });
    heartbeat.scheduleAtFixedRate(
        this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
  }

  synchronized void beat() {
    try {
      LockOwner next = owner.beating(clock.instant());
      Optional<Object> v = store.replace(version, next.toJson());
      if (v.isPresent()) {
        owner = next;
        version = v.get();
      } else {
        warn.accept(
            "the lock "
                + store.location()
                + " was taken by another run; results in this folder may mix");
        heartbeat.shutdown();
      }
    } catch (IOException | RuntimeException e) {
      warn.accept("cannot refresh the lock " + store.location() + ": " + e.getMessage());
    }
  }

  public LockOwner owner() {
    return owner;
  }

  /** Removes the lock if this run still owns it. */
  @Override
  public synchronized void close() {
    if (heartbeat != null) {
      heartbeat.shutdownNow();
    }
    try {
      store.delete(version);
    } catch (IOException | RuntimeException e) {
      warn.accept(
          "cannot remove the lock "
              + store.location()
              + ": "
              + e.getMessage()
              + "; the next run will take it over");
    }
  }
}
