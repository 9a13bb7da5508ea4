package dev.tunebeam.trainer.report;

import com.google.cloud.storage.Storage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A folder the trainer writes its outputs to: local or {@code gs://}. Every write replaces the
 * whole file at once, so a reader never sees half of one.
 */
public interface ArtifactStore {
  String location();

  void write(String name, byte[] content) throws IOException;

  Optional<byte[]> read(String name) throws IOException;

  /**
   * Fails before any training, with a sentence naming {@code flag}, when nothing could be written
   * here; creates nothing that stays.
   */
  void checkWritable(String flag);

  static ArtifactStore open(String location, Supplier<Storage> storage) {
    if (GcsPath.isGcs(location)) {
      return new GcsArtifactStore(GcsPath.parse(location), storage.get());
    }
    return new LocalArtifactStore(Path.of(location));
  }
}
