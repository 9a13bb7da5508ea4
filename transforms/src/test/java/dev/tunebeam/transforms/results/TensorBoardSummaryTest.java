package dev.tunebeam.transforms.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.trainer.report.tensorboard.HParamsSummaries;
import dev.tunebeam.trainer.report.tensorboard.TfRecordReader;
import dev.tunebeam.trainer.report.tensorboard.proto.Event;
import dev.tunebeam.trainer.report.tensorboard.proto.Summary;
import dev.tunebeam.trainer.report.tensorboard.proto.hparams.DataType;
import dev.tunebeam.trainer.report.tensorboard.proto.hparams.Experiment;
import dev.tunebeam.trainer.report.tensorboard.proto.hparams.HParamInfo;
import dev.tunebeam.trainer.report.tensorboard.proto.hparams.HParamsPluginData;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Decodes what the study writes for TensorBoard with the official protos, as TensorBoard would read
 * it.
 */
class TensorBoardSummaryTest {
  /**
   * A's best validation epoch (2) beats B's, but A's last epoch is worse: the table must rank A
   * first, as the leaderboard does.
   */
  static Leaderboard board() {
    List<TrialResult> results = new ArrayList<>();
    results.add(trial("relu", "0.01", 0.80, 0.90, 0.70));
    results.add(trial("tanh", "0.001", 0.85, 0.86, 0.86));
    results.add(trial("relu", "0.1", 0.60, 0.62, 0.65));
    results.add(
        TrialResult.failed(
            Trial.of("tb", params("tanh", "0.5")), "local", "boom", 1, "/out/trials/x"));
    return Leaderboard.rank(results, Objective.DEFAULT);
  }

  /** {@code accuracy}: validation accuracy per epoch (test accuracy a little below it). */
  static TrialResult trial(String activation, String lr, double... accuracy) {
    List<EpochRecord> history = new ArrayList<>();
    for (int e = 0; e < accuracy.length; e++) {
      history.add(Results.epoch(e + 1, 1.0 - e * 0.1, 0.5, accuracy[e], accuracy[e] - 0.01, 1));
    }
    Trial t = Trial.of("tb", params(activation, lr));
    return TrialResult.of(
        t, "local", TrialStatus.SUCCEEDED, history, "cpu", 3, 3, "/out/trials/" + t.id());
  }

  static Map<String, String> params(String activation, String lr) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("activation", activation);
    p.put("learning_rate", lr);
    return p;
  }

  @Test
  void theExperimentDeclaresTheSpaceAndTheObjectiveFirst() throws Exception {
    Map<String, byte[]> files = TensorBoardSummary.files(board(), 1000);
    List<Event> events = events(files.get("tensorboard/" + TensorBoardSummary.EXPERIMENT_FILE));
    assertEquals("brain.Event:2", events.get(0).getFileVersion());
    Summary.Value v = events.get(1).getSummary().getValue(0);
    assertEquals(HParamsSummaries.EXPERIMENT_TAG, v.getTag());
    assertEquals("hparams", v.getMetadata().getPluginData().getPluginName());
    Experiment e =
        HParamsPluginData.parseFrom(v.getMetadata().getPluginData().getContent()).getExperiment();
    assertEquals(
        List.of("activation", "learning_rate"),
        e.getHparamInfosList().stream().map(HParamInfo::getName).toList());
    HParamInfo activation = e.getHparamInfos(0);
    assertEquals(DataType.DATA_TYPE_STRING, activation.getType());
    assertEquals(
        List.of("relu", "tanh"),
        activation.getDomainDiscrete().getValuesList().stream()
            .map(x -> x.getStringValue())
            .toList());
    HParamInfo lr = e.getHparamInfos(1);
    assertEquals(DataType.DATA_TYPE_FLOAT64, lr.getType());
    assertEquals(
        List.of(0.001, 0.01, 0.1, 0.5),
        lr.getDomainDiscrete().getValuesList().stream().map(x -> x.getNumberValue()).toList());
    List<String> metrics = e.getMetricInfosList().stream().map(m -> m.getName().getTag()).toList();
    assertEquals("leaderboard/best_val_accuracy", metrics.get(0));
    assertTrue(
        metrics.contains("leaderboard/rank")
            && metrics.contains("val/accuracy")
            && metrics.contains("test/accuracy"),
        metrics.toString());
    assertTrue(
        metrics.stream().noneMatch(m -> m.contains("seconds")), "time is not a metric: " + metrics);
  }

  @Test
  void eachTrialsObjectiveScalarRanksTheTrialsAsTheLeaderboardDoes() throws Exception {
    Leaderboard board = board();
    Map<String, byte[]> files = TensorBoardSummary.files(board, 1000);
    assertEquals(
        1 + 3,
        files.size(),
        "the experiment and one file per trial that has a value (not the failed one)");
    Map<String, Double> objective = new LinkedHashMap<>();
    Map<String, Long> step = new LinkedHashMap<>();
    for (var f : files.entrySet()) {
      if (!f.getKey().endsWith(TensorBoardSummary.LEADERBOARD_FILE)) {
        continue;
      }
      String run = f.getKey().substring("tensorboard/".length(), f.getKey().lastIndexOf('/'));
      Event scalars = events(f.getValue()).get(1);
      for (Summary.Value v : scalars.getSummary().getValueList()) {
        if (v.getTag().equals("leaderboard/best_val_accuracy")) {
          objective.put(run, (double) v.getSimpleValue());
          step.put(run, scalars.getStep());
        }
      }
    }
    List<String> byTensorBoard =
        objective.keySet().stream()
            .sorted(Comparator.comparing(objective::get).reversed())
            .toList();
    List<String> byLeaderboard =
        board.ranked().stream()
            .filter(TrialResult::succeeded)
            .map(r -> dev.tunebeam.transforms.study.RunName.of(r.trial()))
            .toList();
    assertEquals(byLeaderboard, byTensorBoard);
    assertTrue(
        byTensorBoard.get(0).startsWith("relu-0.01-"),
        "readable run name: " + byTensorBoard.get(0));
    assertEquals(
        0.90,
        objective.get(byTensorBoard.get(0)),
        1e-6,
        "the best epoch's value, not the last (0.70)");
    assertEquals(2L, step.get(byTensorBoard.get(0)), "at the epoch it was chosen at");
  }

  static List<Event> events(byte[] file) throws Exception {
    List<Event> events = new ArrayList<>();
    for (byte[] record : TfRecordReader.readAll(file)) {
      events.add(Event.parseFrom(record));
    }
    return events;
  }
}
