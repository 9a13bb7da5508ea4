package dev.tunebeam.transforms.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.local.TrainLocally;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.SearchSpaceLoader;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered search algorithm through the same checks (the shape of Optuna's {@code
 * tests/samplers_tests/test_samplers.py}): the same seed gives the same trials, trial ids are
 * distinct, a conditional parameter appears exactly where its condition holds, a run trains as many
 * trials as the schedule says, and a rerun into the same folder trains nothing again. Runs are
 * real: each trial is a process of a small Python trainer under the trial contract, on the
 * DirectRunner. A new algorithm adds its row to {@link #ROWS}.
 */
@Tag("integration")
class EveryAlgorithmTest {
  /** Each algorithm's own keys for the shared study below. */
  private static final Map<String, String> ROWS =
      Map.ofEntries(
          Map.entry("grid", ""),
          Map.entry("random", "samples: 5"),
          Map.entry("halving", "eta: 2\nmin_epochs: 1"),
          Map.entry("hyperband", "eta: 2\nmin_epochs: 1"),
          Map.entry("tpe", "trials: 8\nbatch: 3"),
          Map.entry("gp", "trials: 8\nbatch: 3"));

  /**
   * 8 grid points: momentum exists only for sgd; learning_rate is continuous for the algorithms
   * that draw.
   */
  private static final String STUDY =
      """
      study: every-%s
      algorithm: %s
      seed: %d
      %s
      parameters:
        optimizer: {type: categorical, values: [sgd, adam, rmsprop]}
        momentum: {type: discrete, values: [0.5, 0.9], when: {optimizer: [sgd]}}
        learning_rate: {type: double, min: 0.0001, max: 0.1, scale: log, steps: 2}
      fixed:
        num_epochs: 2
      """;

  /**
   * Appends each run to the log, then reports a val_accuracy that depends on every flag, one line
   * per epoch, as cloudml-hypertune writes it. An epoch's value does not depend on num_epochs, as
   * with a real trainer, so a rung read back from a trial that went further ranks the same.
   */
  private static final String TRAINER =
      """
      import json, math, os, sys, time
      args, p, i = sys.argv[1:], {}, 0
      while i < len(args):
          p[args[i][2:]] = args[i + 1]
          i += 2
      with open(%s, "a") as f:
          f.write(os.environ["CLOUD_ML_TRIAL_ID"] + " " + p["num_epochs"] + "\\n")
      q = 1 / (1 + abs(math.log10(float(p["learning_rate"])) + 2.5))
      q += {"sgd": 0.1, "adam": 0.2, "rmsprop": 0.0}[p["optimizer"]] + float(p.get("momentum", 0)) / 10
      n = int(p["num_epochs"])
      with open(os.environ["CLOUD_ML_HP_METRIC_FILE"], "w") as f:
          for e in range(1, n + 1):
              f.write(json.dumps({"timestamp": time.time(), "trial": os.environ["CLOUD_ML_TRIAL_ID"],
                                  "val_accuracy": str(q * (1 - 0.5 ** e)), "global_step": str(e)}) + "\\n")
      """;

  private static final Map<String, List<TrialResult>> SEEN = new ConcurrentHashMap<>();

  @TempDir Path tmp;

  /** Every registered algorithm's key. */
  static Stream<String> algorithms() {
    return SearchAlgorithms.all().stream().map(SearchAlgorithm::key);
  }

  private static SearchSpace space(String algorithm, long seed) {
    String row = ROWS.get(algorithm);
    assertNotNull(row, "add a row for algorithm " + algorithm + " to EveryAlgorithmTest.ROWS");
    String yaml = STUDY.formatted(algorithm, algorithm, seed, row);
    return SearchSpaceLoader.parse("every.yaml", yaml.getBytes(StandardCharsets.UTF_8), true);
  }

  @Test
  void everyRegisteredAlgorithmHasARow() {
    assertEquals(
        ROWS.keySet(),
        new HashSet<>(SearchAlgorithms.all().stream().map(SearchAlgorithm::key).toList()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("algorithms")
  void theSameSeedGivesTheSameTrials(String algorithm) {
    List<List<Trial>> a = plannedTrials(space(algorithm, 11));
    List<List<Trial>> b = plannedTrials(space(algorithm, 11));
    assertEquals(a, b);
    assertFalse(a.stream().allMatch(List::isEmpty), "it plans some trials");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("algorithms")
  void trialIdsAreDistinctAndConditionsHold(String algorithm) {
    List<Trial> all = plannedTrials(space(algorithm, 5)).stream().flatMap(List::stream).toList();
    assertEquals(all.size(), all.stream().map(Trial::id).distinct().count(), all.toString());
    all.forEach(EveryAlgorithmTest::checkCondition);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("algorithms")
  void aRunTrainsTheScheduleAndARerunTrainsNothing(String algorithm) throws Exception {
    SearchSpace space = space(algorithm, 3);
    Schedule schedule = Schedule.of(space);
    Path log = tmp.resolve("runs.log");
    Path script = tmp.resolve("trainer.py");
    Files.writeString(script, TRAINER.formatted("'" + log + "'"));
    String out = tmp.resolve("out").toString();

    List<TrialResult> first = run(space, out, script);
    Map<String, TrialStatus> byId = statuses(first);
    assertEquals(first.size(), byId.size(), "one row per trial, ids distinct: " + first);
    assertEquals(schedule.trials(), first.size(), "as many trials as the schedule says");
    first.forEach(r -> checkCondition(r.trial()));
    assertTrue(first.stream().anyMatch(TrialResult::succeeded), first.toString());
    assertTrue(
        first.stream().allMatch(r -> r.succeeded() || r.status() == TrialStatus.STOPPED),
        first.toString());
    List<String> trained = Files.readAllLines(log);
    assertTrue(trained.size() >= first.size(), trained.toString());

    List<TrialResult> again = run(space, out, script);
    assertEquals(byId, statuses(again), "the same trials, the same outcome");
    assertEquals(trained, Files.readAllLines(log), "a rerun trains nothing again");
  }

  /**
   * Each bracket's first trials, then (for a proposer) every later round proposed from synthetic
   * results: what a run would train, without training.
   */
  private static List<List<Trial>> plannedTrials(SearchSpace space) {
    RunSchedule run = RunSchedule.of(space, Objective.DEFAULT, rung -> null);
    List<List<Trial>> out = new ArrayList<>(run.firstTrials());
    Schedule schedule = run.schedule();
    if (schedule.shape() == Schedule.Shape.ROUNDS) {
      Proposer proposer = SearchAlgorithms.of(space).proposer(space).orElseThrow();
      List<TrialResult> done = new ArrayList<>();
      out.get(0).forEach(t -> done.add(synthetic(t)));
      List<Rung> rounds = schedule.brackets().get(0).rungs();
      for (int i = 1; i < rounds.size(); i++) {
        List<Trial> round =
            Proposals.propose(space, Objective.DEFAULT, proposer, done, rounds.get(i).trials(), i);
        assertEquals(rounds.get(i).trials(), round.size(), "round " + i + " is filled");
        out.add(round);
        round.forEach(t -> done.add(synthetic(t)));
      }
    }
    return out;
  }

  private static TrialResult synthetic(Trial t) {
    double v = Math.log10(Double.parseDouble(t.get("learning_rate")));
    EpochRecord e = EpochRecord.of(1, 0, Map.of(EpochRecord.VAL_ACCURACY, -v * v));
    return TrialResult.of(t, "synthetic", TrialStatus.SUCCEEDED, List.of(e), "cpu", 0, 0, null);
  }

  private static void checkCondition(Trial t) {
    assertEquals(
        "sgd".equals(t.get("optimizer")),
        t.get("momentum") != null,
        "momentum exists exactly where optimizer is sgd: " + t.describe());
  }

  private static Map<String, TrialStatus> statuses(List<TrialResult> results) {
    Map<String, TrialStatus> out = new TreeMap<>();
    results.forEach(r -> out.put(r.trial().id(), r.status()));
    return out;
  }

  private static List<TrialResult> run(SearchSpace space, String out, Path script) {
    String key = out + "/" + System.nanoTime();
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    TrainLocally train =
        TrainLocally.to(out).command(List.of("python3", script.toString())).withWorkers(2);
    PAssert.that(p.apply(RunSchedule.of(space, Objective.DEFAULT, RungRunner.always(train))))
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
}
