package dev.tunebeam.transforms.exec;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Where the study's progress goes. On a terminal, one status line redrawn in place (carriage return
 * and erase-line), with the per-epoch log lines moved to DEBUG; anywhere else (CI, a log file, a
 * Dataflow worker), nothing here: the plain log lines carry the same figures. The decision is made
 * once per JVM: {@code TUNEBEAM_PROGRESS=line} or {@code log} forces it, otherwise a line needs an
 * interactive console and a {@code TERM} other than {@code dumb}.
 *
 * <p>The one console is the JVM's ({@link #jvm()}), as its standard output is: what it draws is
 * each run's own status ({@link StudyProgress}), so two runs at once take turns on the one line.
 */
final class ProgressConsole {
  private static final String ERASE_LINE = "\r\033[2K";
  private static final ProgressConsole JVM =
      new ProgressConsole(System.out, live(System.getenv(), System.console() != null));

  private final PrintStream console;
  private final boolean live;
  private boolean drawn;

  ProgressConsole(PrintStream console, boolean live) {
    this.console = console;
    this.live = live;
  }

  static ProgressConsole jvm() {
    return JVM;
  }

  /**
   * Whether to draw a live line: forced by {@code TUNEBEAM_PROGRESS}, else only on an interactive,
   * capable terminal.
   */
  static boolean live(Map<String, String> env, boolean interactive) {
    String forced = env.getOrDefault("TUNEBEAM_PROGRESS", "").toLowerCase(Locale.ROOT);
    if (forced.equals("line")) {
      return true;
    }
    if (forced.equals("log")) {
      return false;
    }
    return interactive && !"dumb".equals(env.get("TERM")) && env.get("CI") == null;
  }

  boolean live() {
    return live;
  }

  /** Replaces the status line with {@code status}. */
  synchronized void draw(String status) {
    if (!live) {
      return;
    }
    console.print(ERASE_LINE + status);
    console.flush();
    drawn = true;
  }

  /**
   * Clears the status line so a log line can be printed on a line of its own; call {@link #draw}
   * after.
   */
  synchronized void clear() {
    if (live && drawn) {
      console.print(ERASE_LINE);
      console.flush();
      drawn = false;
    }
  }

  /** Leaves the last status on screen and moves below it. */
  synchronized void end() {
    if (live && drawn) {
      console.println();
      console.flush();
      drawn = false;
    }
  }
}
