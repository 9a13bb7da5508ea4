package dev.tunebeam.pipeline.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLockTest {
  @TempDir Path tmp;
  private final List<String> warnings = new ArrayList<>();

  private OutputLock acquire(LockStore store) {
    return OutputLock.acquire("--output", "OUT", store, Clock.systemUTC(), warnings::add);
  }

  @Test
  void aSecondRunIsRefusedWithTheOwnersHostPidAndStart() throws Exception {
    LockStore store = new LocalLockStore(tmp.resolve("out").resolve(OutputLock.FILE_NAME));
    try (OutputLock first = acquire(store)) {
      String json = Files.readString(tmp.resolve("out").resolve(OutputLock.FILE_NAME));
      assertTrue(
          json.contains("\"pid\":" + ProcessHandle.current().pid()) && json.contains("\"host\""),
          json);
      String message =
          assertThrows(IllegalArgumentException.class, () -> acquire(store)).getMessage();
      assertTrue(
          message.startsWith(
              "--output OUT is in use by another run (host "
                  + LockOwner.hostName()
                  + ", pid "
                  + ProcessHandle.current().pid()
                  + ", started "
                  + first.owner().started()),
          message);
    }
    assertFalse(
        Files.exists(tmp.resolve("out").resolve(OutputLock.FILE_NAME)), "released on close");
    acquire(store).close();
  }

  @Test
  void aLockWhoseProcessIsGoneIsTakenOverWithAWarning() throws Exception {
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    Instant now = Instant.now();
    LockOwner gone = new LockOwner(LockOwner.hostName(), dead.pid(), 0, now, now, "t");
    LocalLockStore store = new LocalLockStore(tmp.resolve(OutputLock.FILE_NAME));
    assertTrue(store.createIfAbsent(gone.toJson()).isPresent());
    try (OutputLock lock = acquire(store)) {
      assertEquals(ProcessHandle.current().pid(), lock.owner().pid());
    }
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(
        warnings
            .get(0)
            .contains("its process " + dead.pid() + " on " + LockOwner.hostName() + " is gone"),
        warnings.get(0));
  }

  @Test
  void anotherHostsLockIsStaleOnlyAfterItsHeartbeatStops() throws Exception {
    Instant now = Instant.now();
    LocalLockStore store = new LocalLockStore(tmp.resolve(OutputLock.FILE_NAME));
    store.createIfAbsent(
        new LockOwner("other-host", 1, 0, now, now.minusSeconds(60), "t").toJson());
    assertThrows(IllegalArgumentException.class, () -> acquire(store));
    Clock later =
        Clock.fixed(now.plus(OutputLock.STALE_AFTER).plus(Duration.ofMinutes(2)), ZoneOffset.UTC);
    OutputLock.acquire("--output", "OUT", store, later, warnings::add).close();
    assertTrue(warnings.get(0).contains("has not refreshed it since"), warnings.toString());
  }

  @Test
  void anUnreadableLockIsStale() throws Exception {
    LocalLockStore store = new LocalLockStore(tmp.resolve(OutputLock.FILE_NAME));
    store.createIfAbsent("{\"torn".getBytes(StandardCharsets.UTF_8));
    acquire(store).close();
    assertTrue(warnings.get(0).contains("it cannot be read"), warnings.toString());
  }

  /**
   * LocalStorageHelper ignores preconditions; this wrapper answers a create that carries
   * doesNotExist for an existing object as Cloud Storage does (412), so the test proves the store
   * sends the precondition and acts on its failure.
   */
  static Storage honouringDoesNotExist(Storage fake) {
    return (Storage)
        java.lang.reflect.Proxy.newProxyInstance(
            Storage.class.getClassLoader(),
            new Class<?>[] {Storage.class},
            (proxy, m, args) -> {
              if (m.getName().equals("create")
                  && args != null
                  && args.length == 3
                  && args[0] instanceof com.google.cloud.storage.BlobInfo info
                  && args[2] instanceof Storage.BlobTargetOption[] opts
                  && java.util.Arrays.asList(opts).contains(Storage.BlobTargetOption.doesNotExist())
                  && fake.get(info.getBlobId()) != null) {
                throw new com.google.cloud.storage.StorageException(412, "conditionNotMet");
              }
              try {
                return m.invoke(fake, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Test
  void onCloudStorageTheLockIsAnObjectCreatedWithAPrecondition() throws Exception {
    Storage storage = honouringDoesNotExist(LocalStorageHelper.customOptions(false).getService());
    GcsLockStore store =
        new GcsLockStore(storage, BlobId.of("bucket", "study/" + OutputLock.FILE_NAME));
    OutputLock first = acquire(store);
    assertTrue(storage.get(store.id()) != null);
    assertTrue(store.createIfAbsent(new byte[0]).isEmpty(), "doesNotExist refuses a second create");
    String message =
        assertThrows(IllegalArgumentException.class, () -> acquire(store)).getMessage();
    assertTrue(
        message.contains("is in use by another run")
            && message.contains("gs://bucket/study/.tunebeam.lock"),
        message);
    first.beat();
    assertTrue(warnings.isEmpty(), "a heartbeat keeps the lock: " + warnings);
    first.close();
    assertEquals(null, storage.get(store.id()));
  }
}
