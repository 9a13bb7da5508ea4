package dev.tunebeam.transforms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Under the POSIX locale a trainer decoded {@code café} as {@code caf?} (issue 25): a trainer given
 * no locale gets a UTF-8 one, and a locale the user chose is kept.
 */
class TrainerLocaleTest {
  @Test
  void aTrainerWithoutALocaleGetsUtf8() {
    assertEquals(Map.of("LC_CTYPE", "C.UTF-8"), TrainerLocale.utf8Unless(Map.of(), Map.of()));
    assertEquals(
        Map.of("LC_CTYPE", "C.UTF-8"), TrainerLocale.utf8Unless(Map.of("LANG", ""), Map.of()));
  }

  @Test
  void aChosenLocaleIsKept() {
    assertEquals(Map.of(), TrainerLocale.utf8Unless(Map.of("LANG", "de_DE.UTF-8"), Map.of()));
    assertEquals(Map.of(), TrainerLocale.utf8Unless(Map.of(), Map.of("LC_ALL", "fr_FR.UTF-8")));
  }
}
