package dev.tunebeam.transforms.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Every process a trainer started, found again after the trainer itself exited. A child that the
 * trainer left running (a background {@code sleep &}, a data loader that was never joined) is no
 * longer its descendant once the trainer is gone: Linux hands orphans to init, so {@link
 * ProcessHandle#descendants} cannot see them. Each trainer therefore starts with a variable of its
 * own ({@link #VARIABLE}, a random value) that its children inherit, and the processes whose
 * initial environment holds it ({@code /proc/PID/environ}) are the trial's: the way Jenkins'
 * process tree killer finds what a build left behind. Where there is no {@code /proc}, only
 * descendants are found.
 */
final class ProcessTree {
  /** The variable every trainer process (and what it starts) carries. */
  static final String VARIABLE = "TUNEBEAM_PROCESS_TREE";

  private static final long GRACE_MILLIS = 2000;
  private static final Path PROC = Path.of("/proc");

  private ProcessTree() {}

  /** A fresh value for {@link #VARIABLE}: one per trainer process. */
  static String newCookie() {
    return UUID.randomUUID().toString();
  }

  /**
   * Ends {@code root}'s descendants and every process carrying {@code cookie}: SIGTERM, then
   * SIGKILL for those still running after a grace period. Returns how many were still running.
   */
  static int end(ProcessHandle root, String cookie) {
    Set<ProcessHandle> tree = new LinkedHashSet<>(root.descendants().toList());
    tree.addAll(carrying(cookie));
    tree.remove(ProcessHandle.current());
    tree.removeIf(h -> !h.isAlive());
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
    for (ProcessHandle h : tree) {
      long left = deadline - System.nanoTime();
      try {
        if (left > 0) {
          h.onExit().get(left, TimeUnit.NANOSECONDS);
        }
      } catch (Exception e) {
        // Still running (or we were interrupted): it is killed below.
      }
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    return tree.size();
  }

  /** The running processes whose initial environment holds {@code VARIABLE=cookie}. */
  static List<ProcessHandle> carrying(String cookie) {
    List<ProcessHandle> found = new ArrayList<>();
    if (cookie == null || !Files.isDirectory(PROC)) {
      return found;
    }
    byte[] needle = (VARIABLE + "=" + cookie).getBytes(StandardCharsets.UTF_8);
    long self = ProcessHandle.current().pid();
    ProcessHandle.allProcesses()
        .filter(h -> h.pid() != self)
        .forEach(
            h -> {
              try {
                if (contains(
                    Files.readAllBytes(PROC.resolve(Long.toString(h.pid())).resolve("environ")),
                    needle)) {
                  found.add(h);
                }
              } catch (IOException | RuntimeException e) {
                // Gone, or another user's: not ours.
              }
            });
    return found;
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (i > 0 && haystack[i - 1] != 0) {
        continue; // variables start after a NUL
      }
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
