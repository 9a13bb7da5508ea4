package dev.tunebeam.trainer.report.tensorboard;

import com.google.cloud.storage.Storage;
import dev.tunebeam.trainer.report.ArtifactStore;
import dev.tunebeam.trainer.report.GcsPath;
import dev.tunebeam.trainer.report.tensorboard.proto.Event;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/** One TensorBoard event file that grows by whole records. */
public interface EventFile {
  /** Where the file is, for messages. */
  String location();

  /** Adds the events, framed as TFRecords, and makes them visible to a reader. */
  void append(Event... events) throws IOException;

  /**
   * A local file is appended to: TensorBoard keeps a local event file open and reads what is added,
   * and would miss a file replaced under it. A {@code gs://} object cannot be appended to, and
   * TensorBoard re-reads objects by offset, so it is rewritten whole.
   */
  static EventFile open(String directory, String fileName, Supplier<Storage> storage) {
    if (GcsPath.isGcs(directory)) {
      return new RewrittenEventFile(ArtifactStore.open(directory, storage), fileName);
    }
    return new AppendedEventFile(Path.of(directory).resolve(fileName));
  }
}
