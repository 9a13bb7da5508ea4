package dev.tunebeam.pipeline;

import dev.tunebeam.trainer.report.Secrets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an error into the one sentence a CLI prints: on one line, without credentials, and for
 * Beam's own type errors (which quote the value but not the option) naming the option.
 */
public final class OptionErrors {
  private static final Pattern BEAM_TYPE_ERROR =
      Pattern.compile("Cannot deserialize value of type `([\\w.]+)` from String \"([^\"]*)\"");

  static final int MAX_CHARS = 600;

  private OptionErrors() {}

  public static String sentence(String message, String[] args) {
    String text = message == null ? "unknown error" : message;
    Matcher m = BEAM_TYPE_ERROR.matcher(text);
    if (m.find()) {
      for (String a : args) {
        int eq = a.indexOf('=');
        if (a.startsWith("--") && eq > 0 && a.substring(eq + 1).equals(m.group(2))) {
          text = a.substring(0, eq) + " " + m.group(2) + " is not a valid " + m.group(1) + " value";
          break;
        }
      }
    }
    String line = Secrets.redact(text).replaceAll("\\s*\\R\\s*", " ").strip();
    // A value list from a hostile file can be megabytes; the sentence only needs its start.
    return line.length() <= MAX_CHARS
        ? line
        : line.substring(0, MAX_CHARS) + "… (" + (line.length() - MAX_CHARS) + " more characters)";
  }
}
