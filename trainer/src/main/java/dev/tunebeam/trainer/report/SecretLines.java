package dev.tunebeam.trainer.report;

import java.util.regex.Pattern;

/**
 * Redacts a program's output line by line, as it is read: each line through {@link Secrets}, and
 * every line of a PEM private key printed over several lines (a key file {@code cat}ed, a client
 * library's debug dump), from its BEGIN line to its END line, which no single line shows whole. One
 * instance per output stream: it remembers whether the previous line opened a key.
 */
public final class SecretLines {
  private static final Pattern BEGIN = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");
  private static final Pattern END = Pattern.compile("-----END [A-Z ]*PRIVATE KEY-----");

  private boolean insideKey;

  /** The line with its secrets masked; a line inside a multi-line key is masked whole. */
  public synchronized String redact(String line) {
    if (line == null) {
      return null;
    }
    if (insideKey) {
      if (END.matcher(line).find()) {
        insideKey = false;
      }
      return Secrets.MASK;
    }
    String clean = Secrets.redact(line);
    // A BEGIN left after Secrets.redact has no END on this line: the key goes on below.
    java.util.regex.Matcher begin = BEGIN.matcher(clean);
    if (begin.find()) {
      insideKey = true;
      return clean.substring(0, begin.end()) + Secrets.MASK;
    }
    return clean;
  }
}
