package dev.tunebeam.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.pipeline.UsagePageTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simulate}: its help, its refusals (one sentence, exit 2, nothing written), a replay of the
 * shipped recording under every algorithm, and an output folder and its compact recording replaying
 * alike.
 */
class SimulateCommandTest {
  /** A finished two-trial study's results.json, as WriteLeaderboard writes it. */
  private static final String RESULTS =
      """
      {
        "study" : "small",
        "objective" : {"metric" : "val_accuracy", "goal" : "maximize", "measurement" : "best"},
        "trials" : [ {
          "trial_id" : "aaaaaaaaaaaa", "status" : "SUCCEEDED", "error" : null, "device" : "cpu",
          "parameters" : {"activation" : "relu", "batch_size" : 32, "num_epochs" : 2},
          "history" : [ {"epoch" : 1, "val_accuracy" : 0.641, "seconds" : 4.0},
                        {"epoch" : 2, "val_accuracy" : 0.756, "seconds" : 3.0} ]
        }, {
          "trial_id" : "bbbbbbbbbbbb", "status" : "SUCCEEDED", "error" : null, "device" : "cpu",
          "parameters" : {"activation" : "softmax", "batch_size" : 32, "num_epochs" : 2},
          "history" : [ {"epoch" : 1, "val_accuracy" : 0.10, "seconds" : 4.0},
                        {"epoch" : 2, "val_accuracy" : 0.12, "seconds" : 3.0} ]
        } ]
      }
      """;

  private static final String SMALL_SPACE =
      """
      study: small
      parameters:
        activation: {type: categorical, values: [softmax, relu]}
      fixed: {batch_size: 32, num_epochs: 2}
      """;

  @TempDir Path tmp;

  private static Path shipped() {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(dir.resolve("examples/recordings"))) {
      dir = dir.getParent();
    }
    return dir.resolve("examples/recordings/lenet5-fashion-grid/recording.json");
  }

  private static void refused(Run r, String sentence) {
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().startsWith("error: " + sentence), r.err());
    assertEquals(1, r.err().lines().count(), "one sentence: " + r.err());
    assertEquals("", r.out());
  }

  @Test
  void helpListsTheFlags() {
    Run r = UsagePageTest.run("simulate", "--help");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Usage: java -jar tunebeam.jar simulate --from=OUTPUT"), r.out());
    for (String flag :
        new String[] {
          "--from",
          "--searchSpace",
          "--algorithms",
          "--seeds",
          "--tolerance",
          "--budget",
          "--saveRecording"
        }) {
      assertTrue(r.out().contains(flag), flag + " in\n" + r.out());
    }
    assertTrue(UsagePageTest.run("--help").out().contains("simulate --from=OUTPUT"));
  }

  @Test
  void badFlagsAreOneSentenceInTheCommandsWords() {
    refused(UsagePageTest.run("simulate"), "--from is required");
    String from = "--from=" + shipped();
    refused(UsagePageTest.run("simulate", from, "--seeds=0"), "--seeds 0 is not allowed");
    refused(UsagePageTest.run("simulate", from, "--seeds=many"), "--seeds many");
    refused(
        UsagePageTest.run("simulate", from, "--tolerance=-1"), "--tolerance -1.0 is not allowed");
    refused(UsagePageTest.run("simulate", from, "--budget=-5"), "--budget -5 is not allowed");
    refused(UsagePageTest.run("simulate", from, "--seed=3"), "unknown flag --seed; known flags:");
    refused(
        UsagePageTest.run("simulate", from, "--algorithms=grid,bayes"),
        "--algorithms grid,bayes: algorithm bayes is not supported; allowed: grid, random");
    refused(
        UsagePageTest.run("simulate", "--from=" + tmp),
        "--from " + tmp + " holds no results.json; give a finished study's output folder");
  }

  @Test
  void aPointTheRecordingLacksIsRefusedByName() throws Exception {
    Path space = tmp.resolve("wider.yaml");
    Files.writeString(
        space,
        """
        study: wider
        parameters:
          activation: {type: categorical, values: [relu, tanh]}
          optimizer: {type: categorical, values: [adam]}
          batch_size: {type: discrete, values: [64]}
        fixed: {num_epochs: 10}
        """);
    refused(
        UsagePageTest.run("simulate", "--from=" + shipped(), "--searchSpace=" + space),
        "the recording "
            + shipped()
            + " lacks point activation=tanh, optimizer=adam, batch_size=64");
  }

  @Test
  void theShippedRecordingReplaysUnderEveryAlgorithm() {
    Run r =
        UsagePageTest.run(
            "simulate", "--from=" + shipped(), "--algorithms=all", "--seeds=3", "--budget=90");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Recorded best: val_accuracy 0."), r.out());
    for (String key : new String[] {"grid", "random", "halving", "hyperband", "tpe", "gp"}) {
      assertTrue(
          r.out().lines().anyMatch(l -> l.startsWith(key + " ")), key + " row in\n" + r.out());
    }
    assertTrue(r.out().contains("best in 90 m-e"), r.out());
    assertTrue(
        r.out().lines().anyMatch(l -> l.startsWith("grid ") && l.contains(" 3/3 ")),
        "the grid holds the recorded best: " + r.out());
  }

  @Test
  void anOutputFolderAndItsRecordingReplayAlike() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(out.resolve("results.json"), RESULTS);
    Path space = tmp.resolve("small.yaml");
    Files.writeString(space, SMALL_SPACE);
    Path file = tmp.resolve("small-recording.json");

    refused(
        UsagePageTest.run(
            "simulate", "--from=" + out, "--saveRecording=" + tmp.resolve("small.txt")),
        "--saveRecording " + tmp.resolve("small.txt") + " must end in .json");
    assertFalse(Files.exists(tmp.resolve("small.txt")), "nothing written");

    Run saved =
        UsagePageTest.run(
            "simulate", "--from=" + out, "--saveRecording=" + file, "--note=made by a test");
    assertEquals(0, saved.code(), saved.err());
    assertTrue(Files.readString(file).contains("\"note\" : \"made by a test\""));

    Run fromFolder = UsagePageTest.run("simulate", "--from=" + out, "--searchSpace=" + space);
    Run fromFile = UsagePageTest.run("simulate", "--from=" + file, "--searchSpace=" + space);
    assertEquals(0, fromFolder.code(), fromFolder.err());
    assertEquals(0, fromFile.code(), fromFile.err());
    assertTrue(
        fromFolder.out().contains("Recorded best: val_accuracy 0.7560 (activation=relu)"),
        fromFolder.out());
    // The grid lists softmax first: the recorded best is its second trial, 4 model-epochs in.
    assertTrue(
        fromFolder.out().lines().anyMatch(l -> l.matches("grid +- +20/20 +2 +4 .*")),
        fromFolder.out());
    assertEquals(table(fromFolder.out()), table(fromFile.out()));
  }

  /** The printed table without the lines that name the source or the time taken. */
  private static String table(String out) {
    return out.lines()
        .filter(l -> !l.startsWith("Replaying") && !l.contains("Replayed in"))
        .reduce("", (a, b) -> a + b + "\n");
  }
}
