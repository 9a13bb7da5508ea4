package dev.tunebeam.trainer.report.tensorboard;

import com.google.protobuf.Value;
import dev.tunebeam.trainer.report.tensorboard.proto.DataType;
import dev.tunebeam.trainer.report.tensorboard.proto.Event;
import dev.tunebeam.trainer.report.tensorboard.proto.Summary;
import dev.tunebeam.trainer.report.tensorboard.proto.SummaryMetadata;
import dev.tunebeam.trainer.report.tensorboard.proto.TensorProto;
import dev.tunebeam.trainer.report.tensorboard.proto.TensorShapeProto;
import dev.tunebeam.trainer.report.tensorboard.proto.hparams.Experiment;
import dev.tunebeam.trainer.report.tensorboard.proto.hparams.HParamsPluginData;
import dev.tunebeam.trainer.report.tensorboard.proto.hparams.SessionEndInfo;
import dev.tunebeam.trainer.report.tensorboard.proto.hparams.SessionStartInfo;
import dev.tunebeam.trainer.report.tensorboard.proto.hparams.Status;
import java.util.Map;

/**
 * The HParams plugin's session records, as TensorBoard's {@code plugins/hparams/summary_v2.py}
 * writes them: the data is the summary metadata's plugin content, and the value is an empty float
 * tensor, because TensorBoard's data server drops an hparams value that holds no tensor.
 *
 * <p>A trial never writes the {@code _hparams_/experiment} record: it describes a whole study, and
 * TensorBoard takes the first one it finds, so one per trial would show a single trial's view. The
 * study writes it once, at the logdir's root, when the leaderboard is ranked ({@link #experiment});
 * until then TensorBoard builds the experiment from the runs' session starts.
 */
public final class HParamsSummaries {
  public static final String PLUGIN_NAME = "hparams";
  public static final int PLUGIN_DATA_VERSION = 0;
  public static final String SESSION_START_INFO_TAG = "_hparams_/session_start_info";
  public static final String SESSION_END_INFO_TAG = "_hparams_/session_end_info";
  public static final String EXPERIMENT_TAG = "_hparams_/experiment";

  /** TensorBoard's {@code metadata.NULL_TENSOR}: a float vector of length 0. */
  static final TensorProto NULL_TENSOR =
      TensorProto.newBuilder()
          .setDtype(DataType.DT_FLOAT)
          .setTensorShape(
              TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dim.newBuilder().setSize(0)))
          .build();

  private HParamsSummaries() {}

  /**
   * A session's start: its hyperparameters, where its model goes ({@code modelUri}, may be empty)
   * and the group of sessions it belongs to (empty: a group of its own).
   */
  public static Event sessionStart(
      double wallTime, Map<String, Value> hparams, String modelUri, String groupName) {
    SessionStartInfo start =
        SessionStartInfo.newBuilder()
            .putAllHparams(hparams)
            .setModelUri(modelUri == null ? "" : modelUri)
            .setGroupName(groupName == null ? "" : groupName)
            .setStartTimeSecs(wallTime)
            .build();
    return event(
        wallTime,
        0,
        SESSION_START_INFO_TAG,
        HParamsPluginData.newBuilder().setSessionStartInfo(start));
  }

  public static Event sessionEnd(double wallTime, long step, Status status) {
    SessionEndInfo end =
        SessionEndInfo.newBuilder().setStatus(status).setEndTimeSecs(wallTime).build();
    return event(
        wallTime,
        step,
        SESSION_END_INFO_TAG,
        HParamsPluginData.newBuilder().setSessionEndInfo(end));
  }

  /**
   * The study's declaration: which hyperparameters (with their domains) and which metrics the table
   * shows.
   */
  public static Event experiment(double wallTime, Experiment experiment) {
    return event(
        wallTime, 0, EXPERIMENT_TAG, HParamsPluginData.newBuilder().setExperiment(experiment));
  }

  private static Event event(
      double wallTime, long step, String tag, HParamsPluginData.Builder data) {
    SummaryMetadata metadata =
        SummaryMetadata.newBuilder()
            .setPluginData(
                SummaryMetadata.PluginData.newBuilder()
                    .setPluginName(PLUGIN_NAME)
                    .setContent(data.setVersion(PLUGIN_DATA_VERSION).build().toByteString()))
            .build();
    Summary summary =
        Summary.newBuilder()
            .addValue(
                Summary.Value.newBuilder().setTag(tag).setMetadata(metadata).setTensor(NULL_TENSOR))
            .build();
    return Event.newBuilder().setWallTime(wallTime).setStep(step).setSummary(summary).build();
  }
}
