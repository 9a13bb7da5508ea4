package dev.tunebeam.transforms.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.transforms.local.TrainLocally;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.SearchSpaceLoader;
import dev.tunebeam.transforms.space.StoppingRule;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stopping rules in the graph, on real runs: each trial is a process of a small Python trainer
 * under the trial contract whose value at every epoch is {@code q * (1 - 0.5^epoch)}, {@code q} a
 * function of its flags, so the trials rank the same at every epoch and the right stops are known
 * from {@code q} alone. A rerun into the same folder stops the same trials and trains nothing.
 */
@Tag("integration")
class StoppingScheduleTest {
  /** Appends "id num_epochs" per run, then reports one line per epoch. */
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
      q += {"sgd": 0.1, "adam": 0.2, "rmsprop": 0.0}[p["optimizer"]]
      n = int(p["num_epochs"])
      with open(os.environ["CLOUD_ML_HP_METRIC_FILE"], "w") as f:
          for e in range(1, n + 1):
              f.write(json.dumps({"timestamp": time.time(), "trial": os.environ["CLOUD_ML_TRIAL_ID"],
                                  "val_accuracy": str(q * (1 - 0.5 ** e)), "global_step": str(e)}) + "\\n")
      """;

  private static final Map<String, List<TrialResult>> SEEN = new ConcurrentHashMap<>();

  @TempDir Path tmp;

  private static double q(TrialResult r) {
    double lr = Double.parseDouble(r.trial().get("learning_rate"));
    double q = 1 / (1 + Math.abs(Math.log10(lr) + 2.5));
    return q + Map.of("sgd", 0.1, "adam", 0.2, "rmsprop", 0.0).get(r.trial().get("optimizer"));
  }

  @Test
  void aGridStopsTheTrialsBelowTheMedianAtEachEpochAndARerunTrainsNothing() throws Exception {
    SearchSpace space =
        SearchSpaceLoader.parse(
            "grid.yaml",
            """
            study: stop-grid
            parameters:
              optimizer: {type: categorical, values: [sgd, adam, rmsprop]}
              learning_rate: {type: discrete, values: [0.001, 0.1]}
            fixed:
              num_epochs: 3
            """
                .getBytes(StandardCharsets.UTF_8),
            true);
    StoppingRule median = StoppingRule.median(1, List.of(1, 2));
    Path script = script();
    String out = tmp.resolve("out").toString();

    List<TrialResult> first = run(space, median, out, script);
    // q: 0.4, 0.5, 0.6, 0.67, 0.77, 0.87. Epoch 1: the median of six lies between the third and
    // the fourth, so the three lowest stop; epoch 2: the lowest of the three left stops.
    List<TrialResult> byQ = new ArrayList<>(first);
    byQ.sort(Comparator.comparingDouble(StoppingScheduleTest::q));
    assertEquals(6, first.size(), first.toString());
    assertEquals(
        List.of(
            TrialStatus.STOPPED,
            TrialStatus.STOPPED,
            TrialStatus.STOPPED,
            TrialStatus.STOPPED,
            TrialStatus.SUCCEEDED,
            TrialStatus.SUCCEEDED),
        byQ.stream().map(TrialResult::status).toList());
    assertEquals(
        List.of(1, 1, 1, 2, 3, 3), byQ.stream().map(TrialResult::epochs).toList(), "curves kept");
    TrialResult stoppedAt2 = byQ.get(3);
    assertEquals(q(stoppedAt2) * 0.75, stoppedAt2.objectiveValue(), 1e-6, "its value at epoch 2");
    assertEquals(2, stoppedAt2.chosenEpoch());
    List<String> trained = Files.readAllLines(tmp.resolve("runs.log"));
    // Six runs to epoch 1, three to epoch 2, two to epoch 3.
    assertEquals(11, trained.size(), trained.toString());

    List<TrialResult> again = run(space, median, out, script);
    assertEquals(statuses(first), statuses(again), "the same trials stop");
    assertEquals(trained, Files.readAllLines(tmp.resolve("runs.log")), "a rerun trains nothing");

    // Without the rule the same folder's trials go on to epoch 3: the stopped ones continue.
    List<TrialResult> full = run(space, null, out, script);
    assertTrue(full.stream().allMatch(TrialResult::succeeded), full.toString());
    assertEquals(List.of(3, 3, 3, 3, 3, 3), full.stream().map(TrialResult::epochs).toList());
  }

  /** Random points, and TPE and GP rounds of 4 (each round stopped on its own). */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"random\nsamples: 8", "tpe\ntrials: 8\nbatch: 4", "gp\ntrials: 8\nbatch: 4"})
  void aStudyThatDrawsItsPointsStopsBelowTheThreshold(String algorithm) throws Exception {
    SearchSpace space =
        SearchSpaceLoader.parse(
            "drawn.yaml",
            ("""
            study: stop-drawn
            algorithm: %s
            seed: 7
            parameters:
              optimizer: {type: categorical, values: [sgd, adam, rmsprop]}
              learning_rate: {type: double, min: 0.0001, max: 0.1, scale: log}
            fixed:
              num_epochs: 2
            """)
                .formatted(algorithm)
                .getBytes(StandardCharsets.UTF_8),
            true);
    StoppingRule threshold = StoppingRule.threshold(0.4, Double.NaN, 0, List.of(1));
    Path script = script();
    String out = tmp.resolve("out").toString();

    List<TrialResult> first = run(space, threshold, out, script);
    assertEquals(8, first.size(), first.toString());
    for (TrialResult r : first) {
      // At epoch 1 a trial's value is q / 2: below 0.4 it stops there.
      boolean below = q(r) / 2 < 0.4;
      assertEquals(below ? TrialStatus.STOPPED : TrialStatus.SUCCEEDED, r.status(), r.toString());
      assertEquals(below ? 1 : 2, r.epochs());
    }
    assertTrue(first.stream().anyMatch(r -> r.status() == TrialStatus.STOPPED), first.toString());
    List<String> trained = Files.readAllLines(tmp.resolve("runs.log"));
    List<TrialResult> again = run(space, threshold, out, script);
    assertEquals(statuses(first), statuses(again), "the same rounds, the same stops");
    assertEquals(trained, Files.readAllLines(tmp.resolve("runs.log")), "a rerun trains nothing");
  }

  @Test
  void tpeTakesEachRoundsMedianOverThatRoundAlone() throws Exception {
    SearchSpace space =
        SearchSpaceLoader.parse(
            "tpe.yaml",
            """
            study: stop-tpe
            algorithm: tpe
            trials: 8
            batch: 4
            seed: 3
            parameters:
              optimizer: {type: categorical, values: [sgd, adam, rmsprop]}
              learning_rate: {type: double, min: 0.0001, max: 0.1, scale: log}
            fixed:
              num_epochs: 2
            """
                .getBytes(StandardCharsets.UTF_8),
            true);
    StoppingRule median = StoppingRule.median(0, List.of(1));
    List<TrialResult> all = run(space, median, tmp.resolve("out").toString(), script());
    assertEquals(8, all.size(), all.toString());
    // Two rounds of 4: in each, the two below the round's median stop.
    Set<String> roundZero =
        RunSchedule.of(space, Objective.DEFAULT, rung -> null).firstTrials().get(0).stream()
            .map(t -> t.id())
            .collect(Collectors.toSet());
    for (boolean zero : List.of(true, false)) {
      List<TrialResult> round =
          all.stream()
              .filter(r -> roundZero.contains(r.trial().id()) == zero)
              .sorted(Comparator.comparingDouble(StoppingScheduleTest::q))
              .toList();
      assertEquals(
          List.of(
              TrialStatus.STOPPED,
              TrialStatus.STOPPED,
              TrialStatus.SUCCEEDED,
              TrialStatus.SUCCEEDED),
          round.stream().map(TrialResult::status).toList(),
          "round " + (zero ? 0 : 1) + ": " + round);
    }
  }

  private Path script() throws Exception {
    Path script = tmp.resolve("trainer.py");
    Files.writeString(script, TRAINER.formatted("'" + tmp.resolve("runs.log") + "'"));
    return script;
  }

  private static Map<String, TrialStatus> statuses(List<TrialResult> results) {
    Map<String, TrialStatus> out = new TreeMap<>();
    results.forEach(r -> out.put(r.trial().id(), r.status()));
    return out;
  }

  private static List<TrialResult> run(
      SearchSpace space, StoppingRule rule, String out, Path script) {
    String key = out + "/" + System.nanoTime();
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    TrainLocally train =
        TrainLocally.to(out).command(List.of("python3", script.toString())).withWorkers(2);
    PAssert.that(
            p.apply(
                RunSchedule.of(space, Objective.DEFAULT, RungRunner.always(train))
                    .withStopping(rule)))
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
