package dev.tunebeam.transforms.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Splits a child's output into lines as {@code BufferedReader.readLine} does ({@code \n}, {@code
 * \r} or {@code \r\n} ends one), but keeps at most {@link #MAX_LINE_CHARS} of each: a trainer that
 * prints 50 MB without a newline (a progress bar gone wrong, a binary dump) would otherwise be one
 * 50 MB string in this JVM and in {@code trainer.log}. The rest of such a line is counted, and the
 * kept part ends with a note saying how much was dropped.
 */
final class BoundedLines {
  static final int MAX_LINE_CHARS = 64 * 1024;

  private BoundedLines() {}

  /** Hands each line of {@code in} (UTF-8) to {@code lines} until end of stream. */
  static void forEach(InputStream in, Consumer<String> lines) throws IOException {
    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
    char[] buffer = new char[8192];
    StringBuilder line = new StringBuilder();
    long dropped = 0;
    boolean afterCr = false;
    boolean pending = false;
    for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
      for (int i = 0; i < n; i++) {
        char c = buffer[i];
        if (c == '\n' && afterCr) {
          afterCr = false;
          continue;
        }
        afterCr = c == '\r';
        if (c == '\n' || c == '\r') {
          lines.accept(finish(line, dropped));
          line.setLength(0);
          dropped = 0;
          pending = false;
        } else if (line.length() < MAX_LINE_CHARS) {
          line.append(c);
          pending = true;
        } else {
          dropped++;
        }
      }
    }
    if (pending) {
      lines.accept(finish(line, dropped));
    }
  }

  private static String finish(StringBuilder line, long dropped) {
    return dropped == 0
        ? line.toString()
        : line
            + String.format(
                Locale.ROOT,
                " [tunebeam: %,d more characters of this line not kept; lines are bounded at %,d]",
                dropped,
                MAX_LINE_CHARS);
  }
}
