package dev.tunebeam.pipeline;

import com.google.cloud.storage.BlobId;
import dev.tunebeam.pipeline.lock.GcsLockStore;
import dev.tunebeam.pipeline.lock.LocalLockStore;
import dev.tunebeam.pipeline.lock.LockStore;
import dev.tunebeam.pipeline.lock.OutputLock;
import dev.tunebeam.trainer.report.GcsPath;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The lock of a run's {@code --output}: a file in a local folder, an object under a gs:// prefix.
 */
final class OutputLocks {
  private OutputLocks() {}

  static OutputLock acquire(GridSearchOptions o, CloudPreflight cloud, Consumer<String> warn) {
    return OutputLock.acquire(
        "--output", o.getOutput(), store(o.getOutput(), cloud), Clock.systemUTC(), warn);
  }

  static LockStore store(String output, CloudPreflight cloud) {
    if (GcsPath.isGcs(output)) {
      GcsPath lock = GcsPath.parse(output).resolve(OutputLock.FILE_NAME);
      return new GcsLockStore(
          cloud.storage("--output " + output), BlobId.of(lock.bucket(), lock.object()));
    }
    return new LocalLockStore(Path.of(output).resolve(OutputLock.FILE_NAME));
  }
}
