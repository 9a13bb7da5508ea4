package dev.tunebeam.transforms.local;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * An OutputStream that hands each complete line to a consumer (a logger), each line bounded as
 * {@link BoundedLines} bounds a process's (counted in bytes here).
 */
final class LineForwarder extends OutputStream {
  private final Consumer<String> lines;
  private final ByteArrayOutputStream current = new ByteArrayOutputStream();
  private long dropped;

  LineForwarder(Consumer<String> lines) {
    this.lines = lines;
  }

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      flushLine();
    } else if (current.size() < BoundedLines.MAX_LINE_CHARS) {
      current.write(b);
    } else {
      dropped++;
    }
  }

  @Override
  public synchronized void close() {
    if (current.size() > 0) {
      flushLine();
    }
  }

  private void flushLine() {
    String line = current.toString(StandardCharsets.UTF_8);
    lines.accept(
        dropped == 0
            ? line
            : line + " [tunebeam: " + dropped + " more bytes of this line not kept]");
    current.reset();
    dropped = 0;
  }
}
