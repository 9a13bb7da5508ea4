package dev.tunebeam.pipeline.lock;

import com.google.cloud.storage.BlobId;
import dev.tunebeam.pipeline.SearchOptions;
import dev.tunebeam.pipeline.preflight.CloudPreflight;
import dev.tunebeam.trainer.report.GcsPath;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The lock of a run's {@code --output}: a file in a local folder, an object under a gs:// prefix.
 */
public final class OutputLocks {
  private OutputLocks() {}

  public static OutputLock acquire(SearchOptions o, CloudPreflight cloud, Consumer<String> warn) {
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
