package dev.tunebeam.transforms.local;

import java.util.List;
import java.util.Map;

/**
 * The locale a trainer process reads its arguments and environment with. Under the POSIX locale (no
 * {@code LANG}, {@code LC_ALL} or {@code LC_CTYPE}, as in most containers) a program decodes its
 * argument bytes as ASCII: a Java worker sees {@code café} as {@code caf?}. A trainer that is given
 * no locale therefore gets {@code LC_CTYPE=C.UTF-8}, which every current C library, Python and JVM
 * read as UTF-8, the encoding tunebeam writes its arguments in; a locale the user set is left
 * alone.
 */
final class TrainerLocale {
  static final String UTF8 = "C.UTF-8";
  private static final List<String> LOCALE_VARIABLES = List.of("LC_ALL", "LC_CTYPE", "LANG");

  private TrainerLocale() {}

  /**
   * {@code LC_CTYPE=C.UTF-8} when neither this process's environment nor the trainer's own sets a
   * locale; otherwise nothing.
   */
  static Map<String, String> utf8Unless(Map<String, String> inherited, Map<String, String> own) {
    for (String v : LOCALE_VARIABLES) {
      if (!inherited.getOrDefault(v, "").isEmpty() || !own.getOrDefault(v, "").isEmpty()) {
        return Map.of();
      }
    }
    return Map.of("LC_CTYPE", UTF8);
  }
}
