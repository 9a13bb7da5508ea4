package dev.tunebeam.pipeline.preflight;

import com.google.cloud.storage.StorageOptions;
import dev.tunebeam.trainer.data.DataLocator;
import dev.tunebeam.trainer.data.FashionMnistData;
import dev.tunebeam.trainer.data.FashionMnistLoader;
import java.io.IOException;

/**
 * Reads the dataset the local trials will train on once, before the pipeline runs: a missing,
 * truncated or mismatched file is then one sentence and exit 2, not one FAILED row per trial. Costs
 * about a second; skipped for gs:// data (the trainer checks it) and when no trial is local.
 */
final class DataPreflight {
  private DataPreflight() {}

  /** The images each split holds; empty (null) for gs:// data, which the trainer checks. */
  record Counts(int train, int test) {}

  static Counts check(String dataDir) {
    if (dataDir != null && dataDir.startsWith("gs://")) {
      return null;
    }
    try {
      FashionMnistData data =
          FashionMnistLoader.load(
              DataLocator.standard(() -> StorageOptions.getDefaultInstance().getService())
                  .locate(dataDir == null || dataDir.isBlank() ? null : dataDir),
              0,
              0);
      return new Counts(data.train().count(), data.test().count());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "--dataDir " + dataDir + " cannot be read: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage().replace("--data-dir", "--dataDir"), e);
    }
  }
}
