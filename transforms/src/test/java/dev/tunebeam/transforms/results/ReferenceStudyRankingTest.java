package dev.tunebeam.transforms.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Holds the order of the reference study's leaderboard (27 grid points of 10 epochs, and the same
 * with three seeds each) as it was before the objective owned ranking. The curves are generated
 * from a fixed seed, with accuracies rounded to 0.005 so that ties happen and the tie-breaks are
 * exercised; a failed, a stopped and a never-judged trial sit among them. The expected orders were
 * recorded from the ranking code as it stood when this test was written.
 */
public class ReferenceStudyRankingTest {
  private static final List<String> ACTIVATIONS = List.of("relu", "softmax", "leakyrelu");
  private static final List<String> OPTIMIZERS = List.of("sgd", "adam", "rmsprop");
  private static final List<String> BATCHES = List.of("32", "64", "128");

  /** The reference study's results, each point trained with {@code seeds} seeds. */
  public static List<TrialResult> referenceStudy(int seeds) {
    Random random = new Random(20240611L);
    List<TrialResult> results = new ArrayList<>();
    for (String a : ACTIVATIONS) {
      for (String o : OPTIMIZERS) {
        for (String b : BATCHES) {
          for (int s = 0; s < seeds; s++) {
            results.add(trial(a, o, b, seeds == 1 ? -1 : 42 + s, random));
          }
        }
      }
    }
    return results;
  }

  private static TrialResult trial(String a, String o, String b, int seed, Random random) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("activation", a);
    p.put("optimizer", o);
    p.put("batch_size", b);
    if (seed >= 0) {
      p.put("seed", Integer.toString(seed));
    }
    Trial trial = Trial.of("lenet5-fashion", p);
    String name = a + "/" + o + "/" + b;
    if (name.equals("softmax/rmsprop/32")) {
      return TrialResult.failed(trial, "local", "worker ended", 3.0, "/o");
    }
    double ceiling =
        a.equals("softmax") && o.equals("sgd") ? 0.10 : 0.86 + 0.03 * random.nextDouble();
    List<EpochRecord> history = new ArrayList<>();
    for (int e = 1; e <= 10; e++) {
      double val =
          round(ceiling - (ceiling - 0.1) * Math.exp(-e / 2.0) + 0.01 * random.nextGaussian());
      double test = round(val - 0.01 + 0.01 * random.nextGaussian());
      history.add(
          Results.epoch(e, round(1.0 / e + 0.02 * random.nextDouble()), val, val, test, 5.0));
    }
    if (name.equals("leakyrelu/sgd/128")) {
      // Reported no validation accuracy at all: judged FAILED by the objective.
      history.replaceAll(
          r -> EpochRecord.of(r.epoch(), r.seconds(), Map.of(EpochRecord.TRAIN_LOSS, 0.5)));
    }
    TrialStatus status = name.equals("relu/adam/128") ? TrialStatus.STOPPED : TrialStatus.SUCCEEDED;
    List<EpochRecord> h = status == TrialStatus.STOPPED ? history.subList(0, 3) : history;
    return TrialResult.of(trial, "local", status, h, "cpu", 50.0, 50.0, "/o");
  }

  private static double round(double v) {
    return Math.round(v * 200) / 200.0;
  }

  /** {@code activation/optimizer/batch_size}, with {@code #seed} under repeats. */
  public static List<String> names(List<TrialResult> ranked) {
    return ranked.stream()
        .map(
            r ->
                r.trial().get("activation")
                    + "/"
                    + r.trial().get("optimizer")
                    + "/"
                    + r.trial().get("batch_size")
                    + (r.trial().parameters().containsKey("seed")
                        ? "#" + r.trial().get("seed")
                        : ""))
        .toList();
  }

  @Test
  void theReferenceStudyRanksAsItAlwaysHas() {
    List<TrialResult> all = new ArrayList<>(referenceStudy(1));
    Collections.shuffle(all, new Random(3));
    Leaderboard board = Leaderboard.rank(all, Objective.DEFAULT);
    assertEquals(
        List.of(
            "leakyrelu/sgd/64",
            "softmax/adam/128",
            "relu/rmsprop/32",
            "leakyrelu/adam/128",
            "relu/sgd/128",
            "relu/rmsprop/64",
            "relu/rmsprop/128",
            "softmax/rmsprop/64",
            "leakyrelu/rmsprop/128",
            "leakyrelu/adam/32",
            "relu/sgd/32",
            "leakyrelu/rmsprop/32",
            "relu/adam/64",
            "relu/sgd/64",
            "softmax/adam/64",
            "leakyrelu/sgd/32",
            "leakyrelu/adam/64",
            "softmax/adam/32",
            "leakyrelu/rmsprop/64",
            "softmax/rmsprop/128",
            "relu/adam/32",
            "softmax/sgd/32",
            "softmax/sgd/128",
            "softmax/sgd/64",
            "relu/adam/128",
            "leakyrelu/sgd/128",
            "softmax/rmsprop/32"),
        names(board.ranked()));
  }

  @Test
  void theReferenceStudyWithRepeatsRanksItsPointsAsItAlwaysHas() {
    List<TrialResult> all = new ArrayList<>(referenceStudy(3));
    Collections.shuffle(all, new Random(4));
    Leaderboard board = Leaderboard.rank(all, Objective.DEFAULT);
    assertEquals(
        List.of(
            "softmax/rmsprop/128#44",
            "softmax/rmsprop/128#42",
            "softmax/rmsprop/128#43",
            "leakyrelu/sgd/64#43",
            "leakyrelu/sgd/64#44",
            "leakyrelu/sgd/64#42",
            "leakyrelu/sgd/32#44",
            "leakyrelu/sgd/32#42",
            "leakyrelu/sgd/32#43",
            "relu/sgd/128#42",
            "relu/sgd/128#43",
            "relu/sgd/128#44",
            "softmax/adam/64#44",
            "softmax/adam/64#43",
            "softmax/adam/64#42",
            "relu/rmsprop/32#44",
            "relu/rmsprop/32#42",
            "relu/rmsprop/32#43",
            "relu/adam/32#42",
            "relu/adam/32#44",
            "relu/adam/32#43",
            "softmax/rmsprop/64#42",
            "softmax/rmsprop/64#44",
            "softmax/rmsprop/64#43",
            "softmax/adam/128#44",
            "softmax/adam/128#43",
            "softmax/adam/128#42",
            "relu/sgd/32#44",
            "relu/sgd/32#42",
            "relu/sgd/32#43",
            "relu/rmsprop/64#42",
            "relu/rmsprop/64#44",
            "relu/rmsprop/64#43",
            "relu/adam/64#42",
            "relu/adam/64#44",
            "relu/adam/64#43",
            "softmax/adam/32#42",
            "softmax/adam/32#44",
            "softmax/adam/32#43",
            "leakyrelu/rmsprop/64#44",
            "leakyrelu/rmsprop/64#42",
            "leakyrelu/rmsprop/64#43",
            "leakyrelu/adam/64#44",
            "leakyrelu/adam/64#43",
            "leakyrelu/adam/64#42",
            "leakyrelu/adam/128#44",
            "leakyrelu/adam/128#43",
            "leakyrelu/adam/128#42",
            "relu/rmsprop/128#42",
            "relu/rmsprop/128#44",
            "relu/rmsprop/128#43",
            "leakyrelu/rmsprop/128#43",
            "leakyrelu/rmsprop/128#42",
            "leakyrelu/rmsprop/128#44",
            "leakyrelu/adam/32#42",
            "leakyrelu/adam/32#44",
            "leakyrelu/adam/32#43",
            "leakyrelu/rmsprop/32#44",
            "leakyrelu/rmsprop/32#43",
            "leakyrelu/rmsprop/32#42",
            "relu/sgd/64#44",
            "relu/sgd/64#43",
            "relu/sgd/64#42",
            "softmax/sgd/32#43",
            "softmax/sgd/32#42",
            "softmax/sgd/32#44",
            "softmax/sgd/128#44",
            "softmax/sgd/128#43",
            "softmax/sgd/128#42",
            "softmax/sgd/64#44",
            "softmax/sgd/64#42",
            "softmax/sgd/64#43",
            "relu/adam/128#44",
            "relu/adam/128#42",
            "relu/adam/128#43",
            "softmax/rmsprop/32#42",
            "softmax/rmsprop/32#43",
            "leakyrelu/sgd/128#42",
            "softmax/rmsprop/32#44",
            "leakyrelu/sgd/128#43",
            "leakyrelu/sgd/128#44"),
        names(board.ranked()));
  }

  @Test
  void aMinimisedLastEpochObjectiveRanksAsItAlwaysHas() {
    List<TrialResult> all = new ArrayList<>(referenceStudy(1));
    Objective loss =
        new Objective(EpochRecord.TRAIN_LOSS, Objective.Goal.MINIMIZE, Objective.Measurement.LAST);
    Leaderboard board = Leaderboard.rank(all, loss);
    assertEquals(
        List.of(
            "softmax/sgd/64",
            "softmax/adam/128",
            "relu/sgd/128",
            "relu/rmsprop/128",
            "leakyrelu/rmsprop/128",
            "leakyrelu/adam/32",
            "relu/adam/64",
            "leakyrelu/sgd/32",
            "softmax/adam/32",
            "softmax/sgd/128",
            "relu/rmsprop/32",
            "leakyrelu/adam/128",
            "softmax/rmsprop/64",
            "leakyrelu/rmsprop/32",
            "relu/rmsprop/64",
            "relu/sgd/32",
            "leakyrelu/adam/64",
            "relu/adam/32",
            "softmax/sgd/32",
            "softmax/adam/64",
            "leakyrelu/rmsprop/64",
            "softmax/rmsprop/128",
            "leakyrelu/sgd/64",
            "relu/sgd/64",
            "leakyrelu/sgd/128",
            "relu/adam/128",
            "softmax/rmsprop/32"),
        names(board.ranked()));
  }
}
