package dev.tunebeam.transforms.search.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunebeam.transforms.search.ScheduleWalk;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.SearchSpaceLoader;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The shipped grid recording, replayed as the real successive-halving study of the same space (eta
 * 3, min_epochs 1, trained on the same machine: {@code lenet5-fashion-halving.json} beside this
 * test holds its space and which trials reached each rung, read from its results.json), promotes
 * exactly the trials the real study promoted, rung by rung, each with the value the real study
 * ranked it by at the rung's epoch.
 */
class HalvingReproductionTest {
  private static JsonNode realStudy() throws Exception {
    try (InputStream in =
        HalvingReproductionTest.class.getResourceAsStream("lenet5-fashion-halving.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  @Test
  void theReplayPromotesWhatTheRealStudyPromoted() throws Exception {
    JsonNode real = realStudy();
    SearchSpace space =
        SearchSpaceLoader.parse(
            "halving.yaml", real.get("space").asText().getBytes(StandardCharsets.UTF_8), true);
    Replay replay = Replay.of(Recordings.shipped(), space);
    ScheduleWalk.Walked walked = replay.walk(space);

    List<TreeSet<String>> replayed = new ArrayList<>();
    for (ScheduleWalk.Stage stage : walked.stages()) {
      TreeSet<String> rung = new TreeSet<>();
      stage.results().forEach(r -> rung.add(point(r.trial()) + " " + value(replay.objective(), r)));
      replayed.add(rung);
    }
    List<TreeSet<String>> recorded = new ArrayList<>();
    for (JsonNode rung : real.get("rungs")) {
      TreeSet<String> ids = new TreeSet<>();
      rung.get("trials")
          .forEach(
              t ->
                  ids.add(
                      t.get("id").asText()
                          + " "
                          + t.get("point").asText()
                          + " "
                          + String.format(Locale.ROOT, "%.4f", t.get("value").asDouble())));
      recorded.add(ids);
    }
    assertEquals(recorded, replayed, "each rung's trials, and their values at the rung's epoch");
    assertEquals(
        List.of(1, 3, 10),
        walked.stages().stream().map(s -> s.rung().epochs()).toList(),
        "rungs at epochs 1, 3 and 10");
  }

  /** The value the rung ranked the trial by: its best val_accuracy up to the rung's epoch. */
  private static String value(Objective objective, TrialResult r) {
    return String.format(
        Locale.ROOT, "%.4f", Objectives.of(objective).evaluate(r).objectiveValue());
  }

  /** The trial's id and searched values, as the test data lists them. */
  private static String point(Trial t) {
    return t.id()
        + " "
        + t.get("activation")
        + "/"
        + t.get("optimizer")
        + "/"
        + t.get("batch_size");
  }
}
