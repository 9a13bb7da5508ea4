package dev.tunebeam.transforms.results;

import com.google.protobuf.ListValue;
import com.google.protobuf.Value;
import dev.tunebeam.trainer.report.tensorboard.HParamsSummaries;
import dev.tunebeam.trainer.report.tensorboard.ScalarSummaries;
import dev.tunebeam.trainer.report.tensorboard.TfRecordWriter;
import dev.tunebeam.trainer.report.tensorboard.proto.Event;
import dev.tunebeam.trainer.report.tensorboard.proto.hparams.DataType;
import dev.tunebeam.trainer.report.tensorboard.proto.hparams.Experiment;
import dev.tunebeam.trainer.report.tensorboard.proto.hparams.HParamInfo;
import dev.tunebeam.trainer.report.tensorboard.proto.hparams.Interval;
import dev.tunebeam.trainer.report.tensorboard.proto.hparams.MetricInfo;
import dev.tunebeam.trainer.report.tensorboard.proto.hparams.MetricName;
import dev.tunebeam.transforms.study.RunName;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Makes TensorBoard's HParams table agree with the leaderboard. At the logdir's root, one
 * experiment record declares the space's hyperparameters with their domains and the metrics, the
 * leaderboard's objective first; in each local trial's run, a scalar holds the objective's value as
 * the leaderboard ranks it (at the epoch it was chosen at) and another the rank. Without these,
 * TensorBoard shows each tag's last value, which is not what a best-epoch objective ranks.
 *
 * <p>The files have fixed names, so a second ranking replaces them; the name's timestamp field is
 * all nines so they sort after the training's own event files.
 */
final class TensorBoardSummary {
  static final String FOLDER = "tensorboard";
  static final String EXPERIMENT_FILE = "events.out.tfevents.9999999999.tunebeam-experiment";
  static final String LEADERBOARD_FILE = "events.out.tfevents.9999999999.tunebeam-leaderboard";
  static final String RANK_TAG = "leaderboard/rank";

  /** Past this many distinct values a numeric hyperparameter is declared as an interval. */
  static final int MAX_DISCRETE = 32;

  private TensorBoardSummary() {}

  static String objectiveTag(Leaderboard board) {
    return "leaderboard/" + ReportTrials.objectiveName(board);
  }

  /**
   * Relative path (under the output folder) to file bytes: the experiment, and one file per local
   * trial with a value.
   */
  static Map<String, byte[]> files(Leaderboard board, double wallTime) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(
        FOLDER + "/" + EXPERIMENT_FILE,
        eventFile(wallTime, HParamsSummaries.experiment(wallTime, experiment(board, wallTime))));
    List<ReportTrial> trials = ReportTrials.of(board);
    for (int i = 0; i < trials.size(); i++) {
      ReportTrial t = trials.get(i);
      if (!t.plotted() || !"local".equals(t.backend())) {
        continue;
      }
      Map<String, Double> scalars = new LinkedHashMap<>();
      scalars.put(objectiveTag(board), t.objective());
      scalars.put(RANK_TAG, (double) t.rank());
      // The folder the trial's own events went to (TrialArtifacts.tensorboardDirectory), relative
      // to the output.
      String run = FOLDER + "/" + RunName.of(board.ranked().get(i).trial());
      files.put(
          run + "/" + LEADERBOARD_FILE,
          eventFile(
              wallTime, ScalarSummaries.scalars(wallTime, Math.max(t.chosenEpoch(), 0), scalars)));
    }
    return files;
  }

  static Experiment experiment(Leaderboard board, double wallTime) {
    Experiment.Builder e =
        Experiment.newBuilder()
            .setTimeCreatedSecs(wallTime)
            .setDescription(
                "tunebeam study, ranked by "
                    + ReportTrials.objectiveName(board)
                    + (ReportTrials.maximize(board) ? " (maximized)" : " (minimized)"));
    for (String p : board.parameterNames()) {
      e.addHparamInfos(
          hparam(
              p,
              board.ranked().stream()
                  .map(r -> r.trial().parameters().get(p))
                  .filter(v -> v != null)
                  .toList()));
    }
    e.addMetricInfos(
        metric(
            objectiveTag(board),
            ReportTrials.objectiveName(board) + " (as the leaderboard ranks it)"));
    e.addMetricInfos(metric(RANK_TAG, "leaderboard rank"));
    for (ReportTrial t : ReportTrials.of(board)) {
      for (String m : t.metrics().keySet()) {
        String tag = m.replaceFirst("_", "/");
        if (!m.contains("seconds")
            && e.getMetricInfosList().stream().noneMatch(i -> i.getName().getTag().equals(tag))) {
          e.addMetricInfos(metric(tag, m.replace('_', ' ') + " (last epoch)"));
        }
      }
    }
    return e.build();
  }

  private static HParamInfo hparam(String name, List<String> values) {
    HParamInfo.Builder h = HParamInfo.newBuilder().setName(name);
    if (!values.isEmpty() && values.stream().allMatch(ParameterImportance::isNumber)) {
      TreeSet<Double> distinct = new TreeSet<>();
      values.forEach(v -> distinct.add(Double.parseDouble(v)));
      h.setType(DataType.DATA_TYPE_FLOAT64);
      if (distinct.size() > MAX_DISCRETE) {
        return h.setDomainInterval(
                Interval.newBuilder().setMinValue(distinct.first()).setMaxValue(distinct.last()))
            .build();
      }
      ListValue.Builder list = ListValue.newBuilder();
      distinct.forEach(d -> list.addValues(Value.newBuilder().setNumberValue(d)));
      return h.setDomainDiscrete(list).build();
    }
    ListValue.Builder list = ListValue.newBuilder();
    new TreeSet<>(values).forEach(v -> list.addValues(Value.newBuilder().setStringValue(v)));
    return h.setType(DataType.DATA_TYPE_STRING).setDomainDiscrete(list).build();
  }

  private static MetricInfo metric(String tag, String displayName) {
    return MetricInfo.newBuilder()
        .setName(MetricName.newBuilder().setTag(tag))
        .setDisplayName(displayName)
        .build();
  }

  private static byte[] eventFile(double wallTime, Event event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TfRecordWriter.append(out, ScalarSummaries.fileVersion(wallTime).toByteArray());
    TfRecordWriter.append(out, event.toByteArray());
    return out.toByteArray();
  }
}
