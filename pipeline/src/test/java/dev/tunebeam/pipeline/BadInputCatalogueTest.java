package dev.tunebeam.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 7's catalogue: every bad input to the main job gives one sentence on stderr that says
 * what is wrong, where, and what is allowed; exits 2; and writes nothing under --output.
 */
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
    Files.write(d.resolve(FashionMnistFile.TRAIN_IMAGES.fileName()), IdxFiles.images(2051, 100, 28, 28, 100));
    Files.write(d.resolve(FashionMnistFile.TRAIN_LABELS.fileName()), IdxFiles.labels(2049, 100, 100));
    Files.write(d.resolve(FashionMnistFile.TEST_IMAGES.fileName()), IdxFiles.images(2051, 50, 28, 28, 50));
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
    cases.add(Arguments.of("YAML syntax", "--searchSpace=" + file("syntax.yaml", space + "  optimizer: {type: categorical, values: [sgd\n"),
        "syntax.yaml: not valid YAML at line 3"));
    cases.add(Arguments.of("unknown type", "--searchSpace=" + file("type.yaml", space + "  optimizer: {type: choice, values: [sgd]}\n"),
        "parameter optimizer has type choice; allowed: categorical, discrete, integer, double"));
    cases.add(Arguments.of("text where numbers go", "--searchSpace=" + file("num.yaml", space + "  batch_size: {type: discrete, values: [32, big]}\n"),
        "parameter batch_size has value \"big\"; discrete values must be numbers"));
    cases.add(Arguments.of("min above max", "--searchSpace=" + file("range.yaml", space + "  learning_rate: {type: double, min: 1, max: 0.1, steps: 2}\n"),
        "parameter learning_rate has min 1 > max 0.1; min must not exceed max"));
    cases.add(Arguments.of("log scale at zero", "--searchSpace=" + file("log.yaml", space + "  learning_rate: {type: double, min: 0, max: 0.1, scale: log, steps: 2}\n"),
        "a log scale needs min > 0"));
    cases.add(Arguments.of("duplicate parameter", "--searchSpace=" + file("dup.yaml",
        space + "  optimizer: {type: categorical, values: [sgd]}\n  optimizer: {type: categorical, values: [adam]}\n"), "Duplicate field 'optimizer'"));
    cases.add(Arguments.of("empty values", "--searchSpace=" + file("empty.yaml", space + "  optimizer: {type: categorical, values: []}\n"),
        "parameter optimizer has an empty values list; give at least one value"));
    cases.add(Arguments.of("value the trainer refuses", "--searchSpace=" + file("swish.yaml", space + "  activation: {type: categorical, values: [swish]}\n"),
        "--activation swish is not supported; allowed: relu, leakyrelu, softmax, tanh, sigmoid"));
    cases.add(Arguments.of("missing file", "--searchSpace=" + tmp.resolve("nope.yaml"), "does not exist; pass a YAML or JSON search-space file"));
    cases.add(Arguments.of("too many trials", "--maxTrials=5", "has 27 trials, more than maxTrials 5; raise --maxTrials or narrow the space"));
    // Flags.
    cases.add(Arguments.of("unknown flag", "--epoch=3", "missing a property named 'epoch'"));
    cases.add(Arguments.of("wrong type", "--epochs=ten", "--epochs ten is not a valid int value"));
    cases.add(Arguments.of("out of range", "--epochs=-1", "--epochs -1 is negative"));
    cases.add(Arguments.of("conflicting flags", "--backendRule=batch_size>=64 -> vertex", "--backendRule is only read with --backend=rule; got --backend=local"));
    cases.add(Arguments.of("unknown choice", "--fuse=sometimes", "--fuse sometimes is not supported; allowed: auto, off"));
    cases.add(Arguments.of("bad bound", "--maxFailedTrials=-5", "--maxFailedTrials -5 is not allowed; use -1 (no bound) or a count >= 0"));
    // Data files.
    cases.add(Arguments.of("missing data folder", "--dataDir=" + tmp.resolve("no-data"), "is not a readable directory"));
    cases.add(Arguments.of("missing data file", "--dataDir=" + data("lacks", FashionMnistFile.TEST_LABELS, null), "lacks t10k-labels-idx1-ubyte.gz"));
    cases.add(Arguments.of("truncated data file", "--dataDir=" + data("truncated", FashionMnistFile.TRAIN_IMAGES, IdxFiles.images(2051, 100, 28, 28, 60)),
        "train-images-idx3-ubyte.gz: truncated: the header declares 100 images of 28x28 but the file ends early"));
    cases.add(Arguments.of("wrong magic", "--dataDir=" + data("magic", FashionMnistFile.TEST_IMAGES, IdxFiles.labels(2049, 50, 50)),
        "t10k-images-idx3-ubyte.gz: magic number 2049 is not an image file's (2051)"));
    cases.add(Arguments.of("count mismatch", "--dataDir=" + data("mismatch", FashionMnistFile.TRAIN_LABELS, IdxFiles.labels(2049, 99, 99)),
        "declares 100 images but"));
    // Outputs.
    cases.add(Arguments.of("unwritable output", "--output=/proc/self/out", "--output /proc/self/out is not writable"));
    cases.add(Arguments.of("output is a file", "--output=" + file("a-file", "x") + "/out", "is not a writable directory"));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void oneSentenceExitTwoNothingWritten(String what, String badArg, String expected) {
    Path out = tmp.resolve("out-" + what.replace(' ', '-'));
    List<String> args = new ArrayList<>(List.of("--output=" + out));
    if (badArg.startsWith("--output=")) {
      args.clear();
    }
    args.add(badArg);
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int code = GridSearchPipeline.run(args.toArray(String[]::new), new PrintStream(stdout, true, StandardCharsets.UTF_8),
        new PrintStream(stderr, true, StandardCharsets.UTF_8));
    String err = stderr.toString(StandardCharsets.UTF_8).strip();
    assertEquals(2, code, what + ": " + err + stdout);
    assertTrue(err.startsWith("error: ") && err.contains(expected), what + ": " + err);
    assertEquals(1, err.lines().count(), what + ": one sentence, got " + err);
    assertFalse(Files.exists(out), what + ": nothing written");
  }
}
