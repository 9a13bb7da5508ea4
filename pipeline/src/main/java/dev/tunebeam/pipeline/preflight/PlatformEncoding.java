package dev.tunebeam.pipeline.preflight;

import dev.tunebeam.transforms.space.ParameterSpec;
import dev.tunebeam.transforms.space.SearchSpace;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.file.InvalidPathException;
import java.util.Map;

/**
 * What the JVM's platform encoding allows. Started under the POSIX locale ({@code LANG}, {@code
 * LC_ALL} and {@code LC_CTYPE} unset, as in most containers) Java encodes file names ({@code
 * sun.jnu.encoding}) and, on Java 17, a child's arguments ({@code file.encoding}) as ASCII: a
 * non-ASCII {@code --output} cannot be named at all, and a categorical {@code café} reaches the
 * trainer as {@code caf?} while results.csv says {@code café}. Neither can be repaired once the JVM
 * runs, so both are refused up front with the one fix that covers them: start Java with {@code
 * LANG=C.UTF-8}.
 */
public final class PlatformEncoding {
  private PlatformEncoding() {}

  static final String FIX = "start Java with LANG=C.UTF-8 set (e.g. LANG=C.UTF-8 java -jar ...)";

  /** For values only: Java 17 writes a child's arguments in file.encoding, which a flag sets. */
  static final String VALUE_FIX = FIX + " or with -Dfile.encoding=UTF-8";

  /**
   * The encoding a child process's arguments are written in: Java 17 uses the default charset
   * ({@code file.encoding}, which {@code -Dfile.encoding=UTF-8} sets), Java 18 and later the
   * platform's ({@code sun.jnu.encoding}, which only the locale sets).
   */
  static Charset argumentEncoding() {
    String jnu = System.getProperty("sun.jnu.encoding");
    return Runtime.version().feature() >= 18 && jnu != null && Charset.isSupported(jnu)
        ? Charset.forName(jnu)
        : Charset.defaultCharset();
  }

  /**
   * Refuses a categorical value (or fixed value) of the space that this JVM cannot pass to a
   * trainer process as it is.
   */
  public static void checkValues(SearchSpace space) {
    checkValues(space, argumentEncoding());
  }

  static void checkValues(SearchSpace space, Charset encoding) {
    for (ParameterSpec p : space.parameters()) {
      if (p.numeric() == null) {
        for (String v : p.gridValues()) {
          check(p.name(), v, encoding);
        }
      }
    }
    for (Map.Entry<String, String> f : space.fixed().entrySet()) {
      check(f.getKey(), f.getValue(), encoding);
    }
  }

  private static void check(String name, String value, Charset encoding) {
    CharsetEncoder e = encoding.newEncoder();
    if (!e.canEncode(name) || !e.canEncode(value)) {
      throw new IllegalArgumentException(
          "parameter "
              + name
              + " value "
              + value
              + " cannot be passed to a trainer: this JVM encodes program arguments as "
              + encoding.name()
              + " (the POSIX locale: LANG, LC_ALL and LC_CTYPE unset), so the trainer would read"
              + " it with ? in place of its non-ASCII letters; "
              + (Runtime.version().feature() >= 18 ? FIX : VALUE_FIX));
    }
  }

  /** The sentence for a path the platform encoding cannot represent, naming its flag. */
  public static String sentence(InvalidPathException e, String[] args) {
    String input = e.getInput();
    String flag = "a path";
    for (String a : args) {
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0 && input != null && a.substring(eq + 1).contains(input)) {
        flag = a.substring(0, eq);
        break;
      }
    }
    return flag
        + " "
        + input
        + " cannot be a file name in this JVM: it reads file names as "
        + System.getProperty("sun.jnu.encoding")
        + " (the POSIX locale: LANG, LC_ALL and LC_CTYPE unset), which has no letters beyond"
        + " ASCII; "
        + FIX
        + ", or use an ASCII path";
  }
}
