package dev.tunebeam.trainer;

import com.google.cloud.storage.Storage;
import dev.tunebeam.trainer.report.ArtifactStore;
import dev.tunebeam.trainer.train.FusedTrainer;
import dev.tunebeam.trainer.train.MemberRun;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a training job checks before it loads data: the members can share one network, every output
 * folder is writable, and the files and buckets it will touch answer ({@link TrainerPreflight}).
 * Bad locations fail here, before any training and without leaving anything behind; each failure is
 * a usage error.
 */
final class JobChecks {
  private JobChecks() {}

  static void beforeTraining(
      List<MemberRun> members, Map<String, String> env, Supplier<Storage> storage)
      throws IOException {
    InputBoundary.check(
        () -> FusedTrainer.checkFusable(members.stream().map(MemberRun::config).toList()));
    for (MemberRun m : members) {
      writable("--model-dir", m.modelDir(), storage);
      writable("--checkpoint-dir", m.checkpointDir(), storage);
      writable("--tensorboard-dir", m.tensorboardDir(), storage);
    }
    InputBoundary.check(() -> TrainerPreflight.check(members, env, storage));
  }

  private static void writable(String flag, String dir, Supplier<Storage> storage)
      throws IOException {
    if (dir != null) {
      InputBoundary.check(() -> ArtifactStore.open(dir, storage).checkWritable(flag));
    }
  }
}
