package dev.tunebeam.pipeline.lock;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Who holds an output folder: host, pid (with the process's own start time, so a reused pid is not
 * mistaken for the owner), when the run started and when it last said it was alive.
 */
public record LockOwner(
    String host, long pid, long pidStartMillis, Instant started, Instant heartbeat, String token) {
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  static LockOwner thisProcess(Instant now) {
    ProcessHandle self = ProcessHandle.current();
    return new LockOwner(
        hostName(), self.pid(), startMillis(self), now, now, UUID.randomUUID().toString());
  }

  LockOwner beating(Instant now) {
    return new LockOwner(host, pid, pidStartMillis, started, now, token);
  }

  byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(
          new Json(host, pid, pidStartMillis, started.toString(), heartbeat.toString(), token));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Empty for content that is not a lock this version wrote (a torn write, a stray file): such a
   * lock is stale.
   */
  static Optional<LockOwner> parse(byte[] content) {
    try {
      Json j = JSON.readValue(content, Json.class);
      return Optional.of(
          new LockOwner(
              j.host,
              j.pid,
              j.pidStartMillis,
              Instant.parse(j.started),
              Instant.parse(j.heartbeat),
              j.token));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Why this lock no longer guards anything, or empty while its owner may still be running. */
  Optional<String> staleBecause(Instant now, Duration bound) {
    if (host.equals(hostName())) {
      Optional<ProcessHandle> p = ProcessHandle.of(pid);
      if (p.isEmpty()
          || !p.get().isAlive()
          || (pidStartMillis != 0
              && startMillis(p.get()) != 0
              && startMillis(p.get()) != pidStartMillis)) {
        return Optional.of("its process " + pid + " on " + host + " is gone");
      }
      return Optional.empty();
    }
    if (heartbeat.plus(bound).isBefore(now)) {
      return Optional.of(
          "its run on "
              + host
              + " has not refreshed it since "
              + heartbeat
              + " (more than "
              + bound.toMinutes()
              + " min)");
    }
    return Optional.empty();
  }

  String describe() {
    return "host " + host + ", pid " + pid + ", started " + started;
  }

  private static long startMillis(ProcessHandle p) {
    return p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
  }

  static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      String env = System.getenv("HOSTNAME");
      return env == null ? "unknown-host" : env;
    }
  }

  /** The file's shape. */
  record Json(
      String host, long pid, long pidStartMillis, String started, String heartbeat, String token) {}
}
