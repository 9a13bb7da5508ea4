package dev.tunebeam.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.pipeline.study.SearchSpaceFile;
import dev.tunebeam.trainer.data.FashionMnistFile;
import dev.tunebeam.trainer.data.IdxFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 7's catalogue: every bad input to the main job gives one sentence on stderr that says what
 * is wrong, where, and what is allowed; exits 2; and writes nothing under --output.
 */
@Tag("integration")
class BadInputCatalogueTest {
  @TempDir static Path tmp;

  static Path file(String name, String content) throws Exception {
    Path f = tmp.resolve(name);
    Files.writeString(f, content);
    return f;
  }

  /** A data folder with the four files, {@code broken} replaced by {@code content}. */
  static Path data(String name, FashionMnistFile broken, byte[] content) throws Exception {
    Path d = Files.createDirectories(tmp.resolve(name));
    Files.write(
        d.resolve(FashionMnistFile.TRAIN_IMAGES.fileName()),
        IdxFiles.images(2051, 100, 28, 28, 100));
    Files.write(
        d.resolve(FashionMnistFile.TRAIN_LABELS.fileName()), IdxFiles.labels(2049, 100, 100));
    Files.write(
        d.resolve(FashionMnistFile.TEST_IMAGES.fileName()), IdxFiles.images(2051, 50, 28, 28, 50));
    Files.write(d.resolve(FashionMnistFile.TEST_LABELS.fileName()), IdxFiles.labels(2049, 50, 50));
    if (content == null) {
      Files.delete(d.resolve(broken.fileName()));
    } else {
      Files.write(d.resolve(broken.fileName()), content);
    }
    return d;
  }

  static Stream<Arguments> badInputs() throws Exception {
    List<Arguments> cases = new ArrayList<>();
    String space = "study: s\nparameters:\n";
    // Search-space files.
    cases.add(
        Arguments.of(
            "YAML syntax",
            "--searchSpace="
                + file("syntax.yaml", space + "  optimizer: {type: categorical, values: [sgd\n"),
            "syntax.yaml: not valid YAML at line 3"));
    // The search algorithm and its own keys (one settings record per algorithm).
    String sgd = "parameters:\n  optimizer: {type: categorical, values: [sgd, adam]}\n";
    cases.add(
        Arguments.of(
            "unknown algorithm",
            "--searchSpace=" + file("algo.yaml", "study: s\nalgorithm: bayes\n" + sgd),
            "algo.yaml: algorithm bayes is not supported; allowed: grid, random, halving,"
                + " hyperband, tpe, gp"));
    cases.add(
        Arguments.of(
            "random without samples",
            "--searchSpace=" + file("random0.yaml", "study: s\nalgorithm: random\n" + sgd),
            "random0.yaml: algorithm random needs samples of at least 1, got 0"));
    cases.add(
        Arguments.of(
            "halving with negative samples",
            "--searchSpace="
                + file("halving-1.yaml", "study: s\nalgorithm: halving\nsamples: -1\n" + sgd),
            "samples -1 is not allowed; use 0 (start from the grid) or a number of random points"));
    cases.add(
        Arguments.of(
            "hyperband eta 1",
            "--searchSpace=" + file("eta1.yaml", "study: s\nalgorithm: hyperband\neta: 1\n" + sgd),
            "eta 1 is not allowed; hyperband keeps the top 1/eta of each rung"));
    cases.add(
        Arguments.of(
            "eta not whole",
            "--searchSpace=" + file("eta25.yaml", "study: s\nalgorithm: halving\neta: 2.5\n" + sgd),
            "eta 2.5 must be a whole number"));
    cases.add(
        Arguments.of(
            "tpe without trials",
            "--searchSpace=" + file("tpe0.yaml", "study: s\nalgorithm: tpe\n" + sgd),
            "algorithm tpe needs trials (the total number of trials) of at least 1, got 0"));
    cases.add(
        Arguments.of(
            "gp without trials",
            "--searchSpace=" + file("gp0.yaml", "study: s\nalgorithm: gp\n" + sgd),
            "algorithm gp needs trials (the total number of trials) of at least 1, got 0"));
    cases.add(
        Arguments.of(
            "gp batch above trials",
            "--searchSpace="
                + file("gp-batch.yaml", "study: s\nalgorithm: gp\ntrials: 2\nbatch: 3\n" + sgd),
            "batch 3 is more than trials 2; a gp round proposes at most all the trials"));
    cases.add(
        Arguments.of(
            "unknown type",
            "--searchSpace="
                + file("type.yaml", space + "  optimizer: {type: choice, values: [sgd]}\n"),
            "parameter optimizer has type choice; allowed: categorical, discrete, integer, double"));
    cases.add(
        Arguments.of(
            "text where numbers go",
            "--searchSpace="
                + file("num.yaml", space + "  batch_size: {type: discrete, values: [32, big]}\n"),
            "parameter batch_size has value \"big\"; discrete values must be numbers"));
    cases.add(
        Arguments.of(
            "min above max",
            "--searchSpace="
                + file(
                    "range.yaml",
                    space + "  learning_rate: {type: double, min: 1, max: 0.1, steps: 2}\n"),
            "parameter learning_rate has min 1 > max 0.1; min must not exceed max"));
    cases.add(
        Arguments.of(
            "log scale at zero",
            "--searchSpace="
                + file(
                    "log.yaml",
                    space
                        + "  learning_rate: {type: double, min: 0, max: 0.1, scale: log, steps: 2}\n"),
            "a log scale needs min > 0"));
    cases.add(
        Arguments.of(
            "duplicate parameter",
            "--searchSpace="
                + file(
                    "dup.yaml",
                    space
                        + "  optimizer: {type: categorical, values: [sgd]}\n  optimizer: {type: categorical, values: [adam]}\n"),
            "Duplicate field 'optimizer'"));
    cases.add(
        Arguments.of(
            "empty values",
            "--searchSpace="
                + file("empty.yaml", space + "  optimizer: {type: categorical, values: []}\n"),
            "parameter optimizer has an empty values list; give at least one value"));
    cases.add(
        Arguments.of(
            "value the trainer refuses",
            "--searchSpace="
                + file(
                    "swish.yaml", space + "  activation: {type: categorical, values: [swish]}\n"),
            "--activation swish is not supported; allowed: relu, leakyrelu, softmax, tanh, sigmoid"));
    cases.add(
        Arguments.of(
            "missing file",
            "--searchSpace=" + tmp.resolve("nope.yaml"),
            "does not exist; pass a YAML or JSON search-space file"));
    cases.add(
        Arguments.of(
            "too many trials",
            "--maxTrials=5",
            "has 27 trials, more than maxTrials 5; raise --maxTrials or narrow the space"));
    // Flags.
    cases.add(Arguments.of("unknown flag", "--epoch=3", "missing a property named 'epoch'"));
    cases.add(Arguments.of("wrong type", "--epochs=ten", "--epochs ten is not a valid int value"));
    cases.add(Arguments.of("out of range", "--epochs=-1", "--epochs -1 is negative"));
    // A trainer command's program, before any trial runs it.
    String one =
        "--searchSpace="
            + file("cmd.yaml", "study: s\nparameters:\n  m: {type: categorical, values: [a, b]}\n");
    cases.add(
        Arguments.of(
            "trainer program not on PATH",
            one + " --trainerCommand=no-such-trainer-25,--flag",
            "--trainerCommand no-such-trainer-25 is not a program on PATH; install it"));
    cases.add(
        Arguments.of(
            "trainer program path missing",
            one + " --trainerCommand=" + tmp.resolve("missing.sh"),
            "missing.sh does not exist; give the path of the trainer program"));
    cases.add(
        Arguments.of(
            "trainer program not executable",
            one + " --trainerCommand=" + file("train.py", "print(1)\n"),
            "train.py is not an executable file; make it executable (chmod +x) or name its"
                + " interpreter first, e.g. python3,"));
    cases.add(
        Arguments.of(
            "trainer block program not on PATH",
            "--searchSpace="
                + file(
                    "block.yaml",
                    "study: s\ntrainer: {command: [no-such-python-25, t.py]}\nparameters:\n"
                        + "  m: {type: categorical, values: [a, b]}\n"),
            "trainer.command in "
                + tmp.resolve("block.yaml")
                + " no-such-python-25 is not a"
                + " program on PATH"));
    cases.add(
        Arguments.of(
            "negative top",
            "--top=-1 --dryRun=true",
            "--top -1 is negative; use 0 to print no rows, or the number of leaderboard rows"));
    cases.add(
        Arguments.of(
            "conflicting flags",
            "--backendRule=batch_size>=64 -> vertex",
            "--backendRule is only read with --backend=rule; got --backend=local"));
    cases.add(
        Arguments.of(
            "unknown choice",
            "--fuse=sometimes",
            "--fuse sometimes is not supported; allowed: auto, off"));
    cases.add(
        Arguments.of(
            "bad bound",
            "--maxFailedTrials=-5",
            "--maxFailedTrials -5 is not allowed; use -1 (no bound) or a count >= 0"));
    // Data files.
    cases.add(
        Arguments.of(
            "missing data folder",
            "--dataDir=" + tmp.resolve("no-data"),
            "is not a readable directory"));
    cases.add(
        Arguments.of(
            "missing data file",
            "--dataDir=" + data("lacks", FashionMnistFile.TEST_LABELS, null),
            "lacks t10k-labels-idx1-ubyte.gz"));
    cases.add(
        Arguments.of(
            "truncated data file",
            "--dataDir="
                + data(
                    "truncated",
                    FashionMnistFile.TRAIN_IMAGES,
                    IdxFiles.images(2051, 100, 28, 28, 60)),
            "train-images-idx3-ubyte.gz: truncated: the header declares 100 images of 28x28 but the file ends early"));
    cases.add(
        Arguments.of(
            "wrong magic",
            "--dataDir="
                + data("magic", FashionMnistFile.TEST_IMAGES, IdxFiles.labels(2049, 50, 50)),
            "t10k-images-idx3-ubyte.gz: magic number 2049 is not an image file's (2051)"));
    cases.add(
        Arguments.of(
            "count mismatch",
            "--dataDir="
                + data("mismatch", FashionMnistFile.TRAIN_LABELS, IdxFiles.labels(2049, 99, 99)),
            "declares 100 images but"));
    // Outputs.
    cases.add(
        Arguments.of(
            "unwritable output",
            "--output=/proc/self/out",
            "--output /proc/self/out is not writable"));
    cases.add(
        Arguments.of(
            "output is a file",
            "--output=" + file("a-file", "x") + "/out",
            "is not a writable directory"));
    // Issue 15: search-space files that are not files, bombs, aliases, several documents, huge
    // grids.
    Path fifo = tmp.resolve("space.fifo");
    new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
    cases.add(
        Arguments.of("FIFO as search space", "--searchSpace=" + fifo, "is not a regular file"));
    cases.add(
        Arguments.of("device as search space", "--searchSpace=/dev/zero", "is not a regular file"));
    cases.add(Arguments.of("directory as search space", "--searchSpace=" + tmp, "is a directory"));
    Path big = tmp.resolve("big.yaml");
    Files.write(big, new byte[SearchSpaceFile.MAX_BYTES + 10]);
    cases.add(
        Arguments.of("oversized search space", "--searchSpace=" + big, "is larger than 1 MiB"));
    cases.add(
        Arguments.of(
            "second YAML document",
            "--searchSpace="
                + file(
                    "two.yaml",
                    space + "  optimizer: {type: categorical, values: [sgd]}\n---\nstudy: t\n"),
            "holds more than one YAML document (the second starts at line"));
    cases.add(
        Arguments.of(
            "alias resolves to its anchor",
            "--searchSpace="
                + file(
                    "alias.yaml",
                    space + "  activation: {type: categorical, values: [&a relu, *a]}\n"),
            "lists a value twice: [relu, relu]"));
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      bomb.append(c)
          .append(": &")
          .append(c)
          .append(" [")
          .append(("*" + (char) (c - 1) + ", ").repeat(9))
          .append('*')
          .append((char) (c - 1))
          .append("]\n");
    }
    cases.add(
        Arguments.of(
            "YAML bomb",
            "--searchSpace=" + file("bomb.yaml", bomb.toString()),
            "expands to more than 100000 values"));
    StringBuilder aliases =
        new StringBuilder(space + "  activation: {type: categorical, values: [&a relu");
    aliases.append(", *a".repeat(100_000)).append("]}\n");
    cases.add(
        Arguments.of(
            "100k aliases",
            "--searchSpace=" + file("aliases.yaml", aliases.toString()),
            "expands to more than 100000 values"));
    cases.add(
        Arguments.of(
            "two billion grid steps",
            "--searchSpace="
                + file(
                    "steps.yaml",
                    space
                        + "  learning_rate: {type: double, min: 0.001, max: 0.1, steps: 2000000000}\n")
                + " --dryRun=true",
            "has 2000000000 trials, more than maxTrials 1000"));
    cases.add(
        Arguments.of(
            "steps beyond an int",
            "--searchSpace="
                + file(
                    "steps3e9.yaml",
                    space + "  learning_rate: {type: double, min: 0.001, max: 0.1, steps: 3e9}\n"),
            "steps must be a whole number from 1 to 2147483647"));
    cases.add(
        Arguments.of(
            "batch beyond an int",
            "--searchSpace="
                + file(
                    "batch1e12.yaml", space + "  batch_size: {type: discrete, values: [1e12]}\n"),
            "--batch-size 1000000000000 is out of range"));
    cases.add(
        Arguments.of(
            "injected study name",
            "--searchSpace="
                + file(
                    "inject.yaml",
                    "study: \"x; rm -rf /\\nfoo\"\nparameters:\n  optimizer: {type: categorical, values: [sgd]}\n"),
            "is not allowed; use 1-63 lowercase letters"));
    cases.add(
        Arguments.of(
            "rule compares text",
            "--backend=rule --backendRule=batch_size>=big -> vertex",
            "which is not a number"));
    cases.add(
        Arguments.of(
            "credentials in the Vertex endpoint",
            "--backend=vertex --vertexProject=my-project-1 --bucket=my-bucket --vertexEndpoint=http://user:PW@127.0.0.1:1",
            "holds user:password@"));
    cases.add(
        Arguments.of(
            "unreachable Vertex endpoint",
            "--backend=vertex --vertexProject=my-project-1 --bucket=my-bucket --vertexEndpoint=http://127.0.0.1:1",
            "cannot be reached"));
    // Conditions that would fail every trial.
    if (ai.djl.util.cuda.CudaUtils.getGpuCount() == 0) {
      cases.add(
          Arguments.of(
              "gpu without a gpu",
              "--device=gpu --trainSamples=100 --testSamples=50 --dataDir="
                  + data(
                      "gpu",
                      FashionMnistFile.TRAIN_IMAGES,
                      IdxFiles.images(2051, 100, 28, 28, 100)),
              "--device gpu: this machine has no GPU"));
    }
    // The real data: the validation split (5000 by default) needs more than the small test files
    // hold.
    String small = "/usr/share/datasets/fashion-mnist";
    cases.add(
        Arguments.of(
            "batch larger than the data",
            "--trainSamples=100 --testSamples=50 --dataDir=" + small,
            "has batch_size 128, larger than its 100 training images"));
    cases.add(
        Arguments.of(
            "more samples than the data",
            "--trainSamples=70000 --dataDir=" + small,
            "train_samples 70000"));
    cases.add(
        Arguments.of(
            "more test samples than the data",
            "--trainSamples=1000 --testSamples=20000 --dataDir=" + small,
            "test_samples 20000"));
    Path trialsFile = Files.createDirectories(tmp.resolve("trials-is-a-file"));
    Files.writeString(trialsFile.resolve("trials"), "x");
    cases.add(
        Arguments.of("trials is a file", "--output=" + trialsFile, "holds a file named trials"));
    cases.add(Arguments.of("output under /sys", "--output=/sys/tunebeam-x", "is not writable"));
    // IDX headers.
    cases.add(
        Arguments.of(
            "IDX size overflow",
            "--dataDir="
                + data(
                    "overflow",
                    FashionMnistFile.TRAIN_IMAGES,
                    IdxFiles.images(2051, 100_000_000, 28, 28, 0)),
            "more than one file of images can hold"));
    cases.add(
        Arguments.of(
            "label above 255 as signed",
            "--dataDir=" + data("label200", FashionMnistFile.TRAIN_LABELS, labelsWith((byte) 200)),
            "label 200 at index 0 is outside 0..9"));
    cases.add(
        Arguments.of(
            "empty gz",
            "--dataDir=" + data("emptygz", FashionMnistFile.TEST_LABELS, new byte[0]),
            "is empty or ends inside its gzip header"));
    // Objectives (issue 22): one sentence before anything trains, never one FAILED row per trial.
    String ok = space + "  optimizer: {type: categorical, values: [sgd, adam]}\n";
    cases.add(
        Arguments.of(
            "unknown goal in --objective",
            "--objective=val_accuracy:max,train_seconds:least",
            "--objective goal least is not supported; allowed: maximize, minimize"));
    cases.add(
        Arguments.of(
            "unknown goal in objectives",
            "--searchSpace="
                + file(
                    "goal.yaml",
                    ok
                        + "objectives: [{metric: val_accuracy, goal: up}, {metric: train_seconds}]\n"),
            "objectives[1] goal up is not supported; allowed: maximize, minimize"));
    cases.add(
        Arguments.of(
            "metric listed twice in --objective",
            "--objective=val_accuracy:max,val_accuracy:min",
            "--objective lists metric val_accuracy twice; list each metric once"));
    cases.add(
        Arguments.of(
            "metric listed twice in objectives",
            "--searchSpace="
                + file(
                    "twice.yaml",
                    ok + "objectives: [{metric: val_loss, goal: min}, {metric: val_loss}]\n"),
            "objectives lists metric val_loss twice; list each metric once"));
    cases.add(
        Arguments.of(
            "objective the trainer never reports",
            "--objective=val_accuracy:max,speed:min",
            "--objective speed is not a metric the built-in trainer reports; allowed: "));
    cases.add(
        Arguments.of(
            "objective in the space the trainer never reports",
            "--searchSpace="
                + file(
                    "never.yaml",
                    ok + "objectives: [{metric: val_accuracy}, {metric: seconds, goal: min}]\n"),
            "objective metric seconds is not a metric the built-in trainer reports; allowed: "));
    cases.add(
        Arguments.of(
            "two goals for several objectives",
            "--objective=val_accuracy:max,train_seconds:min --objectiveGoal=maximize",
            "--objectiveGoal and goals in --objective val_accuracy:max,train_seconds:min both set a goal"));
    cases.add(
        Arguments.of(
            "a later objective's own measurement",
            "--objective=val_accuracy:max,train_seconds:min:last",
            "--objective: train_seconds has measurement last but val_accuracy has best"));
    return cases.stream();
  }

  private static byte[] labelsWith(byte first) throws Exception {
    java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
    java.io.DataOutputStream d = new java.io.DataOutputStream(raw);
    d.writeInt(2049);
    d.writeInt(100);
    d.write(first);
    d.write(new byte[99]);
    java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(gz)) {
      z.write(raw.toByteArray());
    }
    return gz.toByteArray();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void oneSentenceExitTwoNothingWritten(String what, String badArg, String expected) {
    Path out = tmp.resolve("out-" + what.replace(' ', '-'));
    List<String> args = new ArrayList<>(List.of("--output=" + out));

    args.addAll(List.of(badArg.split(" (?=--)")));
    if (args.stream().filter(a -> a.startsWith("--output=")).count() > 1) {
      args.remove(0);
    }
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int code =
        SearchPipeline.run(
            args.toArray(String[]::new),
            new PrintStream(stdout, true, StandardCharsets.UTF_8),
            new PrintStream(stderr, true, StandardCharsets.UTF_8));
    String err = stderr.toString(StandardCharsets.UTF_8).strip();
    assertEquals(2, code, what + ": " + err + stdout);
    assertTrue(err.startsWith("error: ") && err.contains(expected), what + ": " + err);
    assertEquals(1, err.lines().count(), what + ": one sentence, got " + err);
    assertFalse(Files.exists(out), what + ": nothing written");
  }
}
