package dev.tunebeam.transforms.local;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** An OutputStream that hands each complete line to a consumer (a logger). */
final class LineForwarder extends OutputStream {
  private final Consumer<String> lines;
  private final ByteArrayOutputStream current = new ByteArrayOutputStream();

  LineForwarder(Consumer<String> lines) {
    this.lines = lines;
  }

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      flushLine();
    } else {
      current.write(b);
    }
  }

  @Override
  public synchronized void close() {
    if (current.size() > 0) {
      flushLine();
    }
  }

  private void flushLine() {
    lines.accept(current.toString(StandardCharsets.UTF_8));
    current.reset();
  }
}
