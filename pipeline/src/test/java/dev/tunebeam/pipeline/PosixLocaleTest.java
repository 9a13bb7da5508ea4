package dev.tunebeam.pipeline;

import static dev.tunebeam.pipeline.MainJobRun.csv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.trainer.contract.Trainable;
import dev.tunebeam.trainer.contract.TrialContext;
import dev.tunebeam.trainer.contract.TrialOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under the POSIX locale (LANG, LC_ALL and LC_CTYPE unset, as in most containers) a categorical
 * {@code café} reached the trainer as {@code caf?} while results.csv said {@code café}, and a
 * non-ASCII --output was refused with "Malformed input" (issue 25). Now: what this JVM cannot pass
 * is refused up front with the fix, and a JVM that can (Java started with -Dfile.encoding=UTF-8)
 * gives a trainer without a locale a UTF-8 one, so a Java trainer reads the value exactly.
 */
@Tag("integration")
class PosixLocaleTest {
  @TempDir Path tmp;

  /** Succeeds only when the value arrives exactly. */
  public static final class CafeTrainable implements Trainable {
    @Override
    public TrialOutcome train(TrialContext ctx) {
      String m = ctx.string("m");
      if (!m.equals("caf\u00e9")) {
        throw new IllegalStateException("m arrived as " + m.codePoints().boxed().toList());
      }
      return TrialOutcome.of(Map.of("val_accuracy", 1.0));
    }
  }

  private static Map<String, String> posix() {
    Map<String, String> env = new HashMap<>();
    env.put("LANG", null);
    env.put("LC_ALL", null);
    env.put("LC_CTYPE", null);
    return env;
  }

  private Path space() throws Exception {
    return Files.writeString(
        tmp.resolve("space.yaml"),
        "study: cafe\nparameters:\n  m: {type: categorical, values: [caf\u00e9]}\n");
  }

  @Test
  void aValueThisJvmCannotPassIsRefusedWithTheFix() throws Exception {
    Path out = tmp.resolve("out");
    MainJobProcess r =
        MainJobProcess.run(
            posix(),
            List.of(),
            "--searchSpace=" + space(),
            "--output=" + out,
            "--trainerClass=" + CafeTrainable.class.getName());
    assertEquals(2, r.code(), r.output());
    assertTrue(r.output().contains("error: parameter m value caf"), r.output());
    assertTrue(
        r.output().contains("cannot be passed to a trainer: this JVM encodes program arguments as"),
        r.output());
    assertTrue(r.output().contains("start Java with LANG=C.UTF-8"), r.output());
    assertFalse(Files.exists(out), "nothing written");
  }

  @Test
  void aNonAsciiOutputIsRefusedWithTheFix() throws Exception {
    Path out = tmp.resolve("r\u00e9sultats");
    MainJobProcess r =
        MainJobProcess.run(
            posix(),
            List.of(),
            "--searchSpace=" + space(),
            "--output=" + out,
            "--trainerCommand=true");
    assertEquals(2, r.code(), r.output());
    assertTrue(r.output().contains("error: --output "), r.output());
    assertTrue(r.output().contains("cannot be a file name in this JVM"), r.output());
    assertTrue(r.output().contains("start Java with LANG=C.UTF-8"), r.output());
    assertFalse(r.output().contains("Malformed input"), r.output());
    assertFalse(Files.exists(out), "nothing written");
  }

  @Test
  void aJavaTrainerWithoutALocaleReadsTheValueExactly() throws Exception {
    Path out = tmp.resolve("out-utf8");
    MainJobProcess r =
        MainJobProcess.run(
            posix(),
            List.of("-Dfile.encoding=UTF-8"),
            "--searchSpace=" + space(),
            "--output=" + out,
            "--trainerClass=" + CafeTrainable.class.getName());
    assertEquals(0, r.code(), r.output());
    var rows = csv(out.resolve("results.csv"));
    assertEquals("caf\u00e9", rows.get(0).get("m"));
    assertEquals("SUCCEEDED", rows.get(0).get("status"), rows.get(0).toString());
  }
}
