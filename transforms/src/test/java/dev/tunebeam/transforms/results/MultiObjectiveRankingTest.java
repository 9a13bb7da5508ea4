package dev.tunebeam.transforms.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Several objectives rank by non-dominated front, then crowding distance; the fronts are checked
 * against a brute-force reading of the definition (a trial is on front k when only trials of fronts
 * below k are at least as good in every objective and better in one).
 */
class MultiObjectiveRankingTest {
  static final Objective ACCURACY = Objective.DEFAULT;
  static final Objective SECONDS =
      new Objective("train_seconds", Objective.Goal.MINIMIZE, Objective.Measurement.BEST);
  static final Objectives TWO = new Objectives(List.of(ACCURACY, SECONDS));

  /** A trial whose epochs reach {@code val} at {@code seconds} of training each. */
  static TrialResult trial(String name, double[] val, double[] seconds) {
    List<EpochRecord> h = new ArrayList<>();
    for (int e = 0; e < val.length; e++) {
      Map<String, Double> m = new HashMap<>();
      m.put(EpochRecord.VAL_ACCURACY, val[e]);
      m.put(EpochRecord.TEST_ACCURACY, val[e] - 0.01);
      m.put("train_seconds", seconds[e]);
      m.put(EpochRecord.TRAIN_LOSS, 1.0 / (e + 1));
      h.add(EpochRecord.of(e + 1, 1, m));
    }
    Map<String, String> p = new LinkedHashMap<>();
    p.put("name", name);
    return TrialResult.of(
        Trial.of("s", p), "local", TrialStatus.SUCCEEDED, h, "cpu", seconds.length, 1, "/o");
  }

  /** Random studies: accuracies and seconds on coarse grids, so ties and duplicates happen. */
  static List<TrialResult> study(long seed, int n) {
    Random random = new Random(seed);
    List<TrialResult> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int epochs = 1 + random.nextInt(3);
      double[] val = new double[epochs];
      double[] sec = new double[epochs];
      for (int e = 0; e < epochs; e++) {
        val[e] = 0.5 + random.nextInt(10) / 20.0;
        sec[e] = (e + 1) * (1 + random.nextInt(8));
      }
      out.add(trial("t" + i, val, sec));
    }
    return out;
  }

  /** Brute force, straight from the definition, on the raw values and goals. */
  static Map<String, Integer> bruteForceFronts(List<TrialResult> judged) {
    Map<String, Integer> front = new HashMap<>();
    List<TrialResult> left = new ArrayList<>(judged);
    for (int f = 1; !left.isEmpty(); f++) {
      List<TrialResult> now = new ArrayList<>();
      for (TrialResult a : left) {
        boolean beaten = false;
        for (TrialResult b : left) {
          double accA = a.judgement().value("val_accuracy");
          double accB = b.judgement().value("val_accuracy");
          double secA = a.judgement().value("train_seconds");
          double secB = b.judgement().value("train_seconds");
          if (accB >= accA && secB <= secA && (accB > accA || secB < secA)) {
            beaten = true;
          }
        }
        if (!beaten) {
          now.add(a);
        }
      }
      for (TrialResult r : now) {
        front.put(r.trial().id(), f);
      }
      left.removeAll(now);
    }
    return front;
  }

  @Test
  void frontsMatchABruteForceReadingOfDominance() {
    for (long seed = 1; seed <= 30; seed++) {
      List<TrialResult> all = study(seed, 5 + (int) seed);
      Leaderboard board = Leaderboard.rank(all, TWO);
      Map<String, Integer> expected = bruteForceFronts(board.ranked());
      int[] fronts = board.fronts();
      for (int i = 0; i < fronts.length; i++) {
        assertEquals(
            expected.get(board.ranked().get(i).trial().id()),
            fronts[i],
            "seed " + seed + ", rank " + (i + 1));
        if (i > 0) {
          assertTrue(fronts[i - 1] <= fronts[i], "ranked by front, seed " + seed);
        }
      }
    }
  }

  @Test
  void withinAFrontItsEndsComeFirstAndArrivalOrderNeverMatters() {
    List<TrialResult> all = study(7, 40);
    Leaderboard board = Leaderboard.rank(all, TWO);
    int[] fronts = board.fronts();
    List<TrialResult> first = new ArrayList<>();
    for (int i = 0; i < fronts.length && fronts[i] == 1; i++) {
      first.add(board.ranked().get(i));
    }
    double bestAcc =
        first.stream().mapToDouble(r -> r.judgement().value("val_accuracy")).max().orElseThrow();
    double bestSec =
        first.stream().mapToDouble(r -> r.judgement().value("train_seconds")).min().orElseThrow();
    // The two ends of the front (infinite crowding distance) lead it, the most accurate first;
    // trials with equal values stand together.
    List<Map<String, Double>> distinct =
        first.stream().map(r -> r.judgement().values()).distinct().toList();
    assertTrue(distinct.size() >= 3, "a front wide enough to have a middle: " + distinct);
    assertEquals(bestAcc, distinct.get(0).get("val_accuracy"));
    assertEquals(bestSec, distinct.get(1).get("train_seconds"));
    for (long shuffle = 0; shuffle < 5; shuffle++) {
      List<TrialResult> again = new ArrayList<>(all);
      Collections.shuffle(again, new Random(shuffle));
      assertEquals(board.ranked(), Leaderboard.rank(again, TWO).ranked());
    }
  }

  @Test
  void everyObjectiveIsReadAtTheEpochTheFirstChooses() {
    // Best validation accuracy at epoch 2; the seconds are read there, not at their own best.
    TrialResult r =
        TWO.evaluate(trial("a", new double[] {0.7, 0.9, 0.8}, new double[] {10, 20, 30}));
    assertEquals(2, r.chosenEpoch());
    assertEquals(Map.of("val_accuracy", 0.9, "train_seconds", 20.0), r.judgement().values());
    assertEquals(
        List.of("val_accuracy", "train_seconds"), List.copyOf(r.judgement().values().keySet()));
  }

  @Test
  void aTrialWithoutASecondObjectivesMetricFailsSayingSo() {
    TrialResult r = TWO.evaluate(Results.ok("relu", 0.8, 0.9));
    assertEquals(TrialStatus.FAILED, r.status());
    assertTrue(r.error().contains("never reported train_seconds"), r.error());
  }

  @Test
  void measurementsThatDifferAreRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Objectives(
                    List.of(
                        ACCURACY,
                        new Objective(
                            "train_seconds",
                            Objective.Goal.MINIMIZE,
                            Objective.Measurement.LAST))));
    assertTrue(e.getMessage().contains("give the measurement once"), e.getMessage());
  }

  @Test
  void theFormatsCarryEachObjectiveAndTheFront() throws Exception {
    Leaderboard board =
        Leaderboard.rank(
            List.of(
                trial("fast", new double[] {0.80}, new double[] {5}),
                trial("accurate", new double[] {0.90}, new double[] {50}),
                trial("dominated", new double[] {0.70}, new double[] {60}),
                TrialResult.failed(
                    Trial.of("s", Map.of("name", "broken")), "local", "boom", 1, "/o")),
            TWO);
    List<String> header = LeaderboardFormats.header(board);
    int acc = header.indexOf("best_val_accuracy");
    assertEquals(
        List.of("best_val_accuracy", "best_train_seconds", "front"), header.subList(acc, acc + 3));
    String csv = new String(LeaderboardFormats.csv(board), StandardCharsets.UTF_8);
    var records =
        org.apache.commons.csv.CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new java.io.StringReader(csv))
            .getRecords();
    assertEquals(
        List.of("accurate:1", "fast:1", "dominated:2", "broken:"),
        records.stream().map(r -> r.get("name") + ":" + r.get("front")).toList());
    assertEquals("5.0000", records.get(1).get("best_train_seconds"));
    JsonNode json = new ObjectMapper().readTree(LeaderboardFormats.json(board, "s"));
    assertEquals(2, json.get("objectives").size());
    assertEquals("minimize", json.get("objectives").get(1).get("goal").asText());
    assertEquals(1, json.get("trials").get(0).get("front").asInt());
    assertEquals(50.0, json.get("trials").get(0).get("best_train_seconds").asDouble());
    assertTrue(json.get("trials").get(3).get("front").isNull());
    String md = new String(LeaderboardFormats.markdown(board, "s"), StandardCharsets.UTF_8);
    assertTrue(md.contains("train_seconds (minimize)") && md.contains("Pareto front"), md);
  }

  @Test
  void repeatedPointsRankByTheFrontOfTheirMeans() {
    List<TrialResult> all = new ArrayList<>();
    // "slow" has the best mean accuracy, "quick" the best mean seconds, "poor" neither.
    for (int seed = 0; seed < 2; seed++) {
      all.add(seeded("slow", seed, 0.90 + seed * 0.01, 40));
      all.add(seeded("quick", seed, 0.80, 5 + seed));
      all.add(seeded("poor", seed, 0.70, 50));
    }
    Leaderboard board = Leaderboard.rank(all, TWO);
    assertEquals(
        List.of("slow", "quick", "poor"),
        board.points().stream().map(p -> p.parameters().get("name")).toList());
    assertEquals(5.5, board.points().get(1).mean("train_seconds"), 1e-12);
    assertTrue(LeaderboardFormats.header(board).contains("std_train_seconds"));
  }

  private static TrialResult seeded(String name, int seed, double val, double seconds) {
    TrialResult r = trial(name, new double[] {val}, new double[] {seconds});
    Map<String, String> p = new LinkedHashMap<>(r.trial().parameters());
    p.put("seed", Integer.toString(seed));
    return r.toBuilder().trial(Trial.of("s", p)).build();
  }
}
