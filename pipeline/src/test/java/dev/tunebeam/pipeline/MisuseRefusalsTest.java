package dev.tunebeam.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.trainer.contract.Trainable;
import dev.tunebeam.trainer.contract.TrialContext;
import dev.tunebeam.trainer.contract.TrialOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 25's misuses that must be refused before anything runs: one sentence on stderr naming the
 * flag or field, the cause and the fix; exit 2; nothing written under --output. Before, a
 * Trainable's constructor showed InvocationTargetException, its static initialiser "not on the
 * classpath", an unserializable field Beam's internals and exit 1; a parameter named status gave
 * results.csv two status columns; a symbolic link loop as --output gave no cause or fix; an
 * unwritable java.io.tmpdir failed after the start with libsnappyjava.so.
 */
class MisuseRefusalsTest {
  @TempDir static Path tmp;

  /** Its constructor throws. */
  public static final class ThrowingConstructor implements Trainable {
    public ThrowingConstructor() {
      throw new IllegalStateException("no licence server at 10.0.0.7");
    }

    @Override
    public TrialOutcome train(TrialContext ctx) {
      return TrialOutcome.of(Map.of("val_accuracy", 1.0));
    }
  }

  /** Its static initialiser throws. */
  public static final class ThrowingInitialiser implements Trainable {
    static final int LIMIT = limit();

    private static int limit() {
      throw new IllegalStateException("TRAINER_LIMIT is not set");
    }

    @Override
    public TrialOutcome train(TrialContext ctx) {
      return TrialOutcome.of(Map.of("val_accuracy", (double) LIMIT));
    }
  }

  /** A field whose type is not Serializable. */
  public static final class UnserializableField implements Trainable {
    private final Object lock = new Object();

    @Override
    public TrialOutcome train(TrialContext ctx) {
      synchronized (lock) {
        return TrialOutcome.of(Map.of("val_accuracy", 1.0));
      }
    }
  }

  static Path file(String name, String content) throws Exception {
    return Files.writeString(tmp.resolve(name), content);
  }

  static Stream<Arguments> misuses() throws Exception {
    List<Arguments> cases = new ArrayList<>();
    String space =
        "--searchSpace="
            + file("m.yaml", "study: m\nparameters:\n  m: {type: categorical, values: [a, b]}\n");
    String prefix = MisuseRefusalsTest.class.getName() + "$";
    cases.add(
        Arguments.of(
            "constructor throws",
            space + " --trainerClass=" + prefix + "ThrowingConstructor",
            "ThrowingConstructor: its no-argument constructor threw IllegalStateException: no"
                + " licence server at 10.0.0.7; fix the constructor, or move the work into"
                + " train()"));
    cases.add(
        Arguments.of(
            "static initialiser throws",
            space + " --trainerClass=" + prefix + "ThrowingInitialiser",
            "ThrowingInitialiser failed in its static initialiser: IllegalStateException:"
                + " TRAINER_LIMIT is not set; fix that initialiser"));
    cases.add(
        Arguments.of(
            "unserializable field",
            space + " --trainerClass=" + prefix + "UnserializableField",
            "UnserializableField cannot be serialized: it holds a java.lang.Object, which is not"
                + " Serializable; mark that field transient and create its value in train()"));
    for (String name : List.of("status", "rank")) {
      cases.add(
          Arguments.of(
              "parameter named " + name,
              "--searchSpace="
                  + file(
                      name + ".yaml",
                      "study: s\nparameters:\n  "
                          + name
                          + ": {type: categorical, values: [a, b]}\n")
                  + " --trainerCommand=true",
              "parameter name "
                  + name
                  + " is a column of the results table, which would then have two columns named "
                  + name
                  + "; rename the parameter"));
    }
    Path loop = tmp.resolve("loop");
    Files.createSymbolicLink(loop, tmp.resolve("loop2"));
    Files.createSymbolicLink(tmp.resolve("loop2"), loop);
    cases.add(
        Arguments.of(
            "output a symbolic link loop",
            space + " --trainerCommand=true --output=" + loop.resolve("out"),
            "goes through a symbolic link loop: "
                + loop
                + " points to "
                + tmp.resolve("loop2")
                + ", which leads back to itself (Too many levels of symbolic links); point that"
                + " link at a real folder, or choose another --output"));
    Path dangling = tmp.resolve("dangling");
    Files.createSymbolicLink(dangling, tmp.resolve("nowhere"));
    cases.add(
        Arguments.of(
            "output a link to nothing",
            space + " --trainerCommand=true --output=" + dangling,
            "goes through a symbolic link to a path that does not exist: " + dangling));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("misuses")
  void oneSentenceExitTwoNothingWritten(String what, String badArgs, String expected) {
    Path out = tmp.resolve("out-" + what.replace(' ', '-'));
    List<String> args = new ArrayList<>(List.of("--output=" + out));
    args.addAll(List.of(badArgs.split(" (?=--)")));
    if (args.stream().filter(a -> a.startsWith("--output=")).count() > 1) {
      args.remove(0);
    }
    Refusal r = run(args.toArray(String[]::new));
    assertEquals(2, r.code, what + ": " + r.err + r.out);
    assertTrue(r.err.startsWith("error: ") && r.err.contains(expected), what + ": " + r.err);
    assertEquals(1, r.err.lines().count(), what + ": one sentence, got " + r.err);
    assertFalse(Files.exists(out), what + ": nothing written");
  }

  /** A trial's folder replaced by a file: before, the trainer ran and its result was lost. */
  @Test
  void aFileWhereATrialsFolderBelongsIsRefusedBeforeAnythingRuns() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("trial-file/trials"));
    Path marker = tmp.resolve("trial-file-ran");
    Files.writeString(out.resolve("0123abcd"), "not a folder");
    Path trainer = file("touch.sh", "#!/bin/sh\ntouch " + marker + "\nexit 1\n");
    trainer.toFile().setExecutable(true);
    Refusal r =
        run(
            "--searchSpace="
                + file("t.yaml", "study: t\nparameters:\n  m: {type: categorical, values: [a]}\n"),
            "--output=" + out.getParent(),
            "--trainerCommand=" + trainer);
    assertEquals(2, r.code, r.err + r.out);
    assertTrue(
        r.err.contains(
            "holds a file trials/0123abcd where the run keeps that trial's folder, so its result"
                + " could not be saved; move or delete that file and run again"),
        r.err);
    assertFalse(Files.exists(marker), "the trainer did not run");
  }

  /** An unwritable java.io.tmpdir failed after the start, in snappy's words. */
  @Test
  void anUnusableTemporaryFolderIsOneSentenceWithItsFix() throws Exception {
    Path notAFolder = file("tmpdir-file", "x");
    String saved = System.getProperty("java.io.tmpdir");
    Refusal r;
    try {
      System.setProperty("java.io.tmpdir", notAFolder.toString());
      r =
          run(
              "--searchSpace="
                  + file(
                      "e.yaml", "study: e\nparameters:\n  m: {type: categorical, values: [a]}\n"),
              "--output=" + tmp.resolve("tmpdir-out"),
              "--trainerCommand=true");
    } finally {
      System.setProperty("java.io.tmpdir", saved);
    }
    assertEquals(2, r.code, r.err + r.out);
    assertEquals(
        "error: java.io.tmpdir "
            + notAFolder
            + " is not a folder, and Beam unpacks its native snappy library and tunebeam keeps"
            + " its workers' scratch files there; start Java with -Djava.io.tmpdir=DIR naming a"
            + " writable folder (or set TMPDIR for the JVM's launcher)",
        r.err.strip());
    assertFalse(Files.exists(tmp.resolve("tmpdir-out")));
  }

  /** tpe asking for more trials than the space has points: the dry run plans 4 and says why. */
  @Test
  void aDryRunSaysWhyASmallSpacePlansFewerTrials() throws Exception {
    Path space =
        file(
            "tpe.yaml",
            """
            study: small
            algorithm: tpe
            trials: 12
            batch: 2
            parameters:
              m: {type: categorical, values: [a, b]}
              n: {type: categorical, values: [c, d]}
            """);
    Refusal r = run("--searchSpace=" + space, "--trainerCommand=true", "--dryRun=true");
    assertEquals(0, r.code, r.err + r.out);
    assertTrue(
        r.out.contains(
            "Note: algorithm tpe asks for 12 trials, but search space small has only 4 distinct"
                + " points and a point is never trained twice, so 4 trials are planned."),
        r.out);
    assertTrue(r.out.contains("Dry run of study small (tpe): 4 trials"), r.out);
  }

  record Refusal(int code, String out, String err) {}

  static Refusal run(String... args) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int code =
        SearchPipeline.run(
            args,
            new PrintStream(stdout, true, StandardCharsets.UTF_8),
            new PrintStream(stderr, true, StandardCharsets.UTF_8));
    return new Refusal(
        code,
        stdout.toString(StandardCharsets.UTF_8),
        stderr.toString(StandardCharsets.UTF_8).strip());
  }
}
