package dev.tunebeam.transforms.search.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.tunebeam.transforms.exec.ExecuteTrials;
import dev.tunebeam.transforms.search.RunSchedule;
import dev.tunebeam.transforms.search.RungRunner;
import dev.tunebeam.transforms.search.ScheduleWalk;
import dev.tunebeam.transforms.search.SearchAlgorithm;
import dev.tunebeam.transforms.search.SearchAlgorithms;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.TrialResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The replay's walk makes the decisions the pipeline makes: every registered algorithm, run on the
 * shipped recording once as a real {@link RunSchedule} pipeline on the DirectRunner (trials looked
 * up by {@link ReplayExecutor} through {@code ExecuteTrials}) and once walked in this JVM, gives
 * the same rows: the same trials, promoted and stopped at the same epochs, with the same values. A
 * stage that RunSchedule gains (a stopping rule, warm-start points) and {@link ScheduleWalk} does
 * not follow fails here once a row below uses it. A new algorithm adds its row to {@link #ROWS}.
 */
class ReplayMatchesPipelineTest {
  private static final Map<String, String> ROWS =
      Map.ofEntries(
          Map.entry("grid", ""),
          Map.entry("random", "samples: 9"),
          Map.entry("halving", "eta: 3\nmin_epochs: 1"),
          Map.entry("hyperband", "eta: 3\nmin_epochs: 1"),
          Map.entry("tpe", "trials: 15\nbatch: 2"),
          Map.entry("gp", "trials: 12\nbatch: 3"));

  private static final Map<String, List<TrialResult>> SEEN = new ConcurrentHashMap<>();

  static Stream<String> algorithms() {
    return SearchAlgorithms.all().stream().map(SearchAlgorithm::key);
  }

  @Test
  void everyRegisteredAlgorithmHasARow() {
    assertEquals(ROWS.keySet(), new HashSet<>(algorithms().toList()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("algorithms")
  void theWalkGivesThePipelinesRows(String algorithm) {
    String keys = ROWS.get(algorithm);
    assertNotNull(keys, "add a row for algorithm " + algorithm);
    SearchSpace space =
        Recordings.space("lenet5-fashion", "algorithm: " + algorithm + "\nseed: 5\n" + keys);
    Recording recording = Recordings.shipped();
    Replay replay = Replay.of(recording, space);
    ScheduleWalk.Walked walked = replay.walk(space);
    assertEquals(rows(walked.rows()), rows(pipeline(space, recording)));
    assertEquals(space.size(), walked.rows().size(), "one row per trial the schedule trains");
  }

  private static List<TrialResult> pipeline(SearchSpace space, Recording recording) {
    String key = space.algorithm().key() + System.nanoTime();
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    ExecuteTrials replay =
        ExecuteTrials.on(new ReplayExecutor(RecordedPoints.of(recording, space)));
    PAssert.that(
            p.apply(
                RunSchedule.of(
                    space, Objectives.of(space.effectiveObjective()), RungRunner.always(replay))))
        .satisfies(
            rs -> {
              List<TrialResult> all = new ArrayList<>();
              rs.forEach(all::add);
              SEEN.put(key, all);
              return null;
            });
    p.run().waitUntilFinish();
    return SEEN.remove(key);
  }

  /** Each row as id, status, epochs and value, sorted: the pipeline emits rows in no order. */
  private static TreeSet<String> rows(List<TrialResult> results) {
    TreeSet<String> out = new TreeSet<>();
    for (TrialResult r : results) {
      TrialResult judged = Objectives.DEFAULT.evaluate(r);
      out.add(
          String.format(
              Locale.ROOT,
              "%s %s %s %d %.6f",
              r.trial().id(),
              r.trial().describe(),
              r.status(),
              r.epochs(),
              judged.objectiveValue()));
    }
    return out;
  }
}
