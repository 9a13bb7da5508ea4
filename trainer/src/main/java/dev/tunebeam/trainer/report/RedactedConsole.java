package dev.tunebeam.trainer.report;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Routes everything a tunebeam process prints through {@link Secrets#redact}: its own lines, the
 * slf4j-simple log (which writes to whatever {@code System.err} is when it logs), Beam's and the
 * client libraries' messages, uncaught traces. Installed first thing in each {@code main}, it
 * replaces per-call-site redaction, which missed lines. Whole lines are redacted (a secret is never
 * split across two writes); a line ends at '\n' or '\r', so a live progress line still shows.
 */
public final class RedactedConsole extends OutputStream {
  /** A line this long is passed on unfinished: no single log line is legitimately bigger. */
  static final int MAX_LINE = 64 * 1024;

  private final OutputStream target;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  public RedactedConsole(OutputStream target) {
    this.target = target;
  }

  /** Replaces System.out and System.err with redacting streams (idempotent). */
  public static synchronized void install() {
    if (!(System.out instanceof Installed)) {
      System.setOut(new Installed(new FileOutputStream(FileDescriptor.out)));
    }
    if (!(System.err instanceof Installed)) {
      System.setErr(new Installed(new FileOutputStream(FileDescriptor.err)));
    }
  }

  /** A redacting PrintStream over {@code target}, auto-flushing like the console streams. */
  public static PrintStream over(OutputStream target) {
    return new PrintStream(new RedactedConsole(target), true, StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void write(int b) throws IOException {
    line.write(b);
    if (b == '\n' || b == '\r' || line.size() >= MAX_LINE) {
      emit();
    }
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      write(b[i]);
    }
  }

  /** Keeps an unfinished line: flushing half a token would let it pass unredacted. */
  @Override
  public synchronized void flush() throws IOException {
    target.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    emit();
    target.close();
  }

  private void emit() throws IOException {
    if (line.size() == 0) {
      return;
    }
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    target.write(Secrets.redact(text).getBytes(StandardCharsets.UTF_8));
    target.flush();
  }

  /** The installed console streams; unfinished lines are written out when the JVM exits. */
  private static final class Installed extends PrintStream {
    Installed(OutputStream fd) {
      super(new RedactedConsole(fd), true, StandardCharsets.UTF_8);
      Runtime.getRuntime().addShutdownHook(new Thread(this::close, "tunebeam-console-flush"));
    }
  }
}
