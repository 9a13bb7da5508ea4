package dev.tunebeam.transforms.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongPredicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local temporary files a trial's worker needs while it runs: its log, and a scratch folder for
 * the contract's metric and outcome files. They cannot live under the study's output, which may be
 * gs://. Each is named {@code tunebeam-trial-PID-...} after the process that owns it and deleted
 * when the trial ends; a process killed with {@code kill -9} leaves its files behind, so the first
 * use in a process sweeps those whose owner is not running and that nothing has touched for {@link
 * #STALE_AFTER}. The temporary folder belongs to the machine, not to a run, so once per process is
 * the right scope for the sweep.
 */
final class TrialTempFiles {
  static final String PREFIX = "tunebeam-trial-";

  /**
   * A guard for owners this process cannot see (another container sharing the folder): a trial's
   * log is written as it runs.
   */
  static final Duration STALE_AFTER = Duration.ofHours(6);

  private static final Logger LOG = LoggerFactory.getLogger(TrialTempFiles.class);
  private static final AtomicBoolean SWEPT = new AtomicBoolean();

  private TrialTempFiles() {}

  static Path log() throws IOException {
    sweepOnce();
    return Files.createTempFile(prefix(), ".log");
  }

  static Path scratch() throws IOException {
    sweepOnce();
    return Files.createTempDirectory(prefix());
  }

  private static String prefix() {
    return PREFIX + ProcessHandle.current().pid() + "-";
  }

  private static void sweepOnce() {
    if (SWEPT.compareAndSet(false, true)) {
      List<Path> gone =
          sweep(
              Path.of(System.getProperty("java.io.tmpdir")),
              Instant.now(),
              TrialTempFiles::running);
      if (!gone.isEmpty()) {
        LOG.info(
            "removed {} temporary trial files left by processes that are gone, e.g. {}",
            gone.size(),
            gone.get(0));
      }
    }
  }

  static boolean running(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /**
   * Deletes, in {@code dir}, the trial files whose owner is not {@code alive} and untouched for
   * {@link #STALE_AFTER}; returns them.
   */
  static List<Path> sweep(Path dir, Instant now, LongPredicate alive) {
    List<Path> deleted = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, PREFIX + "*")) {
      for (Path p : entries) {
        OptionalLong owner = owner(p.getFileName().toString());
        if (owner.isPresent() && alive.test(owner.getAsLong())) {
          continue;
        }
        try {
          if (Duration.between(lastTouched(p).toInstant(), now).compareTo(STALE_AFTER) >= 0) {
            delete(p);
            deleted.add(p);
          }
        } catch (IOException | UncheckedIOException e) {
          // Another user's file, or one that went away meanwhile: not ours to clean.
          LOG.debug("cannot remove {}: {}", p, e.getMessage());
        }
      }
    } catch (IOException e) {
      LOG.debug("cannot list {} for stale trial files: {}", dir, e.getMessage());
    }
    return deleted;
  }

  /**
   * The owner's pid from {@code tunebeam-trial-PID-...}; empty for names written before the pid was
   * part of them.
   */
  static OptionalLong owner(String name) {
    String rest = name.substring(PREFIX.length());
    int dash = rest.indexOf('-');
    if (dash <= 0 || !rest.substring(0, dash).chars().allMatch(Character::isDigit)) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(rest.substring(0, dash)));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * A folder is as fresh as the newest thing in it (the metric file is rewritten every epoch).
   * Links are not followed.
   */
  private static FileTime lastTouched(Path p) throws IOException {
    if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
    }
    try (Stream<Path> all = Files.walk(p)) {
      return all.map(TrialTempFiles::modified).max(Comparator.naturalOrder()).orElseThrow();
    }
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes {@code p} and everything under it. */
  static void delete(Path p) throws IOException {
    try (Stream<Path> all = Files.walk(p)) {
      for (Path q : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    }
  }
}
