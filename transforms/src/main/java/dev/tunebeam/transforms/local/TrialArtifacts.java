package dev.tunebeam.transforms.local;

import dev.tunebeam.trainer.report.MetricsJson;
import dev.tunebeam.trainer.report.MetricsReport;
import dev.tunebeam.transforms.study.RunName;
import dev.tunebeam.transforms.study.Trial;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import org.apache.beam.sdk.annotations.Internal;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;

/** Where a trial's artifacts live under a study's output: {@code <output>/trials/<trial-id>/}. */
@Internal
public final class TrialArtifacts {
  private TrialArtifacts() {}

  public static String trialDirectory(String output, String trialId) {
    return join(output, "trials/" + trialId);
  }

  /**
   * Where a trial's training state is kept after every epoch, and continued from: {@code
   * <output>/checkpoints/<key>/}.
   */
  public static String checkpointDirectory(String output, String checkpointKey) {
    return join(output, "checkpoints/" + checkpointKey);
  }

  /**
   * The trial's TensorBoard run: {@code <output>/tensorboard/<readable name>}, named by {@link
   * RunName}.
   */
  public static String tensorboardDirectory(String output, Trial trial) {
    return join(output, "tensorboard/" + RunName.of(trial));
  }

  static String join(String base, String child) {
    return base.endsWith("/") ? base + child : base + "/" + child;
  }

  /** The trial's metrics.json, read through Beam FileSystems (local or gs://); empty if absent. */
  public static Optional<MetricsReport> readMetrics(String trialDirectory) throws IOException {
    String path = join(trialDirectory, MetricsJson.FILE_NAME);
    ResourceId id = FileSystems.matchNewResource(path, false);
    try (InputStream in = Channels.newInputStream(FileSystems.open(id))) {
      MetricsReport report = MetricsJson.read(path, in.readAllBytes());
      if (report == null) {
        throw new IllegalArgumentException(path + " holds null, not a metrics.json");
      }
      return Optional.of(report);
    } catch (FileNotFoundException | NoSuchFileException e) {
      return Optional.empty();
    }
  }
}
