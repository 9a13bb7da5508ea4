package dev.tunebeam.trainer;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import com.google.cloud.storage.Storage;
import dev.tunebeam.trainer.report.ArtifactStore;
import dev.tunebeam.trainer.report.CheckpointFile;
import dev.tunebeam.trainer.report.ModelFile;
import dev.tunebeam.trainer.train.MemberRun;
import dev.tunebeam.trainer.train.TrainingCheckpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The contract's warm start for the built-in trainer: a member whose checkpoint folder holds a
 * checkpoint continues from it up to its {@code --num-epochs}; after every epoch the folder gets
 * the new state. Continuing a trial to epoch E is running it again with {@code --num-epochs E} and
 * the same {@code --checkpoint-dir}.
 */
final class Checkpoints {
  private Checkpoints() {}

  /**
   * One entry per member: its checkpoint, or null where it has no folder or the folder is empty.
   */
  static List<TrainingCheckpoint> read(List<MemberRun> members, Supplier<Storage> storage)
      throws IOException {
    List<TrainingCheckpoint> found = new ArrayList<>();
    for (MemberRun m : members) {
      found.add(
          m.checkpointDir() == null
              ? null
              : CheckpointFile.read(ArtifactStore.open(m.checkpointDir(), storage)).orElse(null));
    }
    return found;
  }

  static void write(String dir, TrainingCheckpoint checkpoint, Supplier<Storage> storage) {
    if (dir == null) {
      return;
    }
    try (NDManager scratch = NDManager.newBaseManager(Device.cpu())) {
      ArtifactStore store = ArtifactStore.open(dir, storage);
      store.write(CheckpointFile.FILE_NAME, CheckpointFile.encode(checkpoint));
      store.write(ModelFile.FILE_NAME, ModelFile.encode(checkpoint.parameters(), scratch));
      store.write(
          "checkpoint.json",
          ("{\"epoch\": " + checkpoint.epoch() + "}\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a checkpoint to " + dir, e);
    }
  }
}
