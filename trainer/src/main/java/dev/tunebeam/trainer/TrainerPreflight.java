package dev.tunebeam.trainer;

import com.google.cloud.storage.Storage;
import dev.tunebeam.trainer.cloud.GcsPreflight;
import dev.tunebeam.trainer.report.GcsPath;
import dev.tunebeam.trainer.report.HypertuneReporter;
import dev.tunebeam.trainer.report.LocalArtifactStore;
import dev.tunebeam.trainer.train.MemberRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the trainer will write and read, checked before the data is loaded and anything trains: the
 * hypertune metric file ({@code CLOUD_ML_HP_METRIC_FILE}) must be a writable file, and gs://
 * folders (model, checkpoint, TensorBoard, data) a bucket that answers, through the job's client
 * (whose credentials {@link TrainerMain} checks as it makes it). Found after training, each of
 * these cost the whole run; here each is one sentence and exit 2.
 */
final class TrainerPreflight {
  private TrainerPreflight() {}

  static void check(List<MemberRun> members, Map<String, String> env, Supplier<Storage> storage) {
    HypertuneReporter hypertune =
        members.size() == 1 ? HypertuneReporter.fromEnvironment(env) : null;
    if (hypertune != null) {
      checkMetricFile(hypertune.file());
    }
    GcsPreflight gcs = null;
    for (MemberRun m : members) {
      String[][] places = {
        {"--model-dir", m.modelDir(), "w"},
        {"--checkpoint-dir", m.checkpointDir(), "w"},
        {"--tensorboard-dir", m.tensorboardDir(), "w"},
        {"--data-dir", m.config().dataDir(), "r"}
      };
      for (String[] p : places) {
        if (p[1] == null || !GcsPath.isGcs(p[1])) {
          continue;
        }
        if (gcs == null) {
          gcs = new GcsPreflight(storage.get());
        }
        if (p[2].equals("w")) {
          gcs.writable(p[0], p[1]);
        } else {
          gcs.readable(p[0], p[1]);
        }
      }
    }
  }

  static void checkMetricFile(Path file) {
    String name = "the hypertune metric file " + file + " (CLOUD_ML_HP_METRIC_FILE)";
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(
          name + " is a directory; name a file in a writable folder");
    }
    if (Files.exists(file) && (!Files.isRegularFile(file) || !Files.isWritable(file))) {
      throw new IllegalArgumentException(
          name + " is not a writable regular file; name a file in a writable folder");
    }
    Path parent = file.toAbsolutePath().getParent();
    try {
      new LocalArtifactStore(parent).checkWritable("CLOUD_ML_HP_METRIC_FILE's folder");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " cannot be written: " + e.getMessage());
    }
  }
}
