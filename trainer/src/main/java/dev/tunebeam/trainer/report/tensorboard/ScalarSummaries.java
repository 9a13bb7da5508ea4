package dev.tunebeam.trainer.report.tensorboard;

import dev.tunebeam.trainer.report.tensorboard.proto.Event;
import dev.tunebeam.trainer.report.tensorboard.proto.SourceMetadata;
import dev.tunebeam.trainer.report.tensorboard.proto.Summary;
import java.util.Map;

/**
 * The plain events of a run: the version record every event file starts with, and scalars as {@code
 * simple_value}s, the form every TensorBoard (and Vertex AI's uploader) reads as the scalars
 * plugin's data without metadata of its own.
 */
public final class ScalarSummaries {
  /** What TensorBoard expects in the first record of an event file. */
  public static final String FILE_VERSION = "brain.Event:2";

  public static final String WRITER = "tunebeam";

  private ScalarSummaries() {}

  public static Event fileVersion(double wallTime) {
    return Event.newBuilder()
        .setWallTime(wallTime)
        .setFileVersion(FILE_VERSION)
        .setSourceMetadata(SourceMetadata.newBuilder().setWriter(WRITER))
        .build();
  }

  /** One event holding every scalar of a step, in the map's order. */
  public static Event scalars(double wallTime, long step, Map<String, Double> values) {
    Summary.Builder summary = Summary.newBuilder();
    values.forEach(
        (tag, v) ->
            summary.addValue(
                Summary.Value.newBuilder().setTag(tag).setSimpleValue(v.floatValue())));
    return Event.newBuilder().setWallTime(wallTime).setStep(step).setSummary(summary).build();
  }
}
