package dev.tunebeam.transforms.vertex;

import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import java.io.Serializable;
import org.apache.beam.sdk.annotations.Internal;

/**
 * Makes the Cloud Storage client that reads a finished job's {@code metrics.json}. A factory rather
 * than a client, because a client cannot travel to workers; tests pass one that returns an
 * in-memory {@code LocalStorageHelper} service.
 */
@FunctionalInterface
@Internal
public interface StorageFactory extends Serializable {
  Storage create();

  /** The default client: Application Default Credentials, the project they name. */
  static StorageFactory standard() {
    return () -> StorageOptions.getDefaultInstance().getService();
  }
}
