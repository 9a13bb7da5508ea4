package dev.tunebeam.transforms.search.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.transforms.study.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An output folder read as a recording, and the compact file written from one and read back. */
class RecordingFilesTest {
  /** The shape WriteLeaderboard gives results.json: one trial that trained, one that failed. */
  static final String RESULTS =
      """
      {
        "study" : "small",
        "objective" : {"metric" : "val_accuracy", "goal" : "maximize", "measurement" : "best"},
        "trials" : [ {
          "rank" : 1, "trial_id" : "7ff746ef56cb",
          "parameters" : {"activation" : "relu", "batch_size" : 32, "learning_rate" : 0.0010, "num_epochs" : 2},
          "best_val_accuracy" : 0.756, "epochs" : 2, "device" : "cpu", "status" : "SUCCEEDED", "error" : null,
          "history" : [ {"epoch" : 1, "test_accuracy" : 0.618, "val_accuracy" : 0.641, "seconds" : 4.1},
                        {"epoch" : 2, "test_accuracy" : 0.752, "val_accuracy" : 0.756, "seconds" : 3.4} ]
        }, {
          "rank" : 2, "trial_id" : "62d05fe9cf13",
          "parameters" : {"activation" : "tanh", "batch_size" : 32, "learning_rate" : 0.001, "num_epochs" : 2},
          "epochs" : 0, "device" : "cpu", "status" : "FAILED", "error" : "exit 2: bad activation",
          "history" : [ ]
        } ]
      }
      """;

  @TempDir Path tmp;

  private Path folder() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(out.resolve("results.json"), RESULTS);
    return out;
  }

  @Test
  void anOutputFolderIsReadFromItsResults() throws Exception {
    Recording r = RecordingFiles.read(folder().toString());
    assertEquals("small", r.study());
    assertEquals(2, r.trials().size());
    RecordedTrial ok = r.trials().get(0);
    assertEquals(
        Map.of(
            "activation", "relu", "batch_size", "32", "learning_rate", "0.001", "num_epochs", "2"),
        ok.parameters());
    assertEquals(2, ok.epochs());
    assertEquals(0.756, ok.history().get(1).metric("val_accuracy"));
    assertEquals(3.4, ok.history().get(1).seconds());
    assertFalse(ok.history().get(1).has("seconds"), "seconds is the epoch's time, not a metric");
    assertEquals(TrialStatus.FAILED, r.trials().get(1).status());
    assertEquals("exit 2: bad activation", r.trials().get(1).error());
  }

  @Test
  void theCompactFileReadsBackTheSameTrials() throws Exception {
    Recording r = RecordingFiles.read(folder().toString());
    Path file = tmp.resolve("recording.json");
    RecordingFiles.write(r, Map.of("note", "a test"), file.toString());
    String text = Files.readString(file);
    assertTrue(text.contains("\"format\" : \"tunebeam-recording/1\""), text);
    assertTrue(
        text.contains("[[1,4.1,0.618,0.641],[2,3.4,0.752,0.756]]"), "one row per epoch: " + text);
    Recording back = RecordingFiles.read(file.toString());
    assertEquals(r.trials(), back.trials());
    assertEquals(r.objectives(), back.objectives());
    assertEquals(Map.of("note", "a test"), back.made());
  }

  @Test
  void whatIsNotARecordingIsRefusedByLocation() throws Exception {
    IllegalArgumentException none =
        assertThrows(IllegalArgumentException.class, () -> RecordingFiles.read(tmp.toString()));
    assertEquals(
        tmp
            + " holds no results.json; give a finished study's output folder or a recording file"
            + " (recording.json)",
        none.getMessage());
    Path other = tmp.resolve("other.json");
    Files.writeString(other, "{\"study\": \"x\"}");
    IllegalArgumentException notOne =
        assertThrows(IllegalArgumentException.class, () -> RecordingFiles.read(other.toString()));
    assertTrue(notOne.getMessage().endsWith("it has no trials list"), notOne.getMessage());
  }
}
