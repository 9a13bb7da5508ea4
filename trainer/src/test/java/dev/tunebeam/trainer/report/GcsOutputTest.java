package dev.tunebeam.trainer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import dev.tunebeam.trainer.TestData;
import dev.tunebeam.trainer.TrainingJob;
import dev.tunebeam.trainer.cli.TrainerArgs;
import dev.tunebeam.trainer.data.DataLocator;
import dev.tunebeam.trainer.data.FashionMnistFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainer reading its data from and writing its outputs to gs:// paths, against
 * google-cloud-nio's in-memory Storage (no GCS emulator runs here; DESIGN.md).
 */
@Tag("integration")
class GcsOutputTest {
  @TempDir Path tmp;

  @Test
  void readsDataFromGcsAndWritesMetricsAndModelToGcs() throws Exception {
    Storage storage = LocalStorageHelper.customOptions(false).getService();
    for (FashionMnistFile f : FashionMnistFile.values()) {
      storage.create(
          BlobInfo.newBuilder(BlobId.of("data-bucket", "fashion/" + f.fileName())).build(),
          Files.readAllBytes(TestData.dir().resolve(f.fileName())));
    }
    DataLocator locator =
        new DataLocator(Map.of(), tmp.resolve("none"), tmp.resolve("cache"), null, () -> storage);
    TrainingJob job =
        new TrainingJob(
            locator, () -> storage, new PrintStream(new ByteArrayOutputStream()), Map.of());
    var invocation =
        TrainerArgs.parse(
            List.of(
                "--num-epochs",
                "1",
                "--train-samples",
                "512",
                "--test-samples",
                "256",
                "--data-dir",
                "gs://data-bucket/fashion",
                "--model-dir",
                "gs://model-bucket/runs/1/",
                "--checkpoint-dir",
                "gs://model-bucket/ckpt"),
            Map.of());
    MetricsReport report = job.run(invocation.members(), 0).get(0);

    Blob metrics = storage.get(BlobId.of("model-bucket", "runs/1/metrics.json"));
    assertNotNull(metrics, "metrics.json written to GCS");
    MetricsReport back = MetricsJson.read("gs metrics", metrics.getContent());
    assertEquals(
        report.finalMetric(EpochRecord.TEST_ACCURACY), back.finalMetric(EpochRecord.TEST_ACCURACY));
    assertEquals("gs://data-bucket/fashion", back.dataset().location());
    assertNotNull(storage.get(BlobId.of("model-bucket", "runs/1/model.npz")));
    assertTrue(
        new String(storage.get(BlobId.of("model-bucket", "ckpt/checkpoint.json")).getContent())
            .contains("\"epoch\": 1"));
  }

  /**
   * Real GCS answers 404 for a missing bucket and 403 without permission; the in-memory Storage
   * cannot, so a proxy does.
   */
  @Test
  void aMissingBucketOrMissingPermissionIsAClearErrorBeforeTraining() {
    for (int code : new int[] {404, 403}) {
      Storage failing =
          (Storage)
              java.lang.reflect.Proxy.newProxyInstance(
                  Storage.class.getClassLoader(),
                  new Class<?>[] {Storage.class},
                  (proxy, method, args) -> {
                    throw new com.google.cloud.storage.StorageException(
                        code, code == 404 ? "The specified bucket does not exist." : "Forbidden");
                  });
      IllegalArgumentException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              IllegalArgumentException.class,
              () ->
                  new GcsArtifactStore(GcsPath.parse("gs://no-such-bucket/runs"), failing)
                      .checkWritable("--model-dir"));
      String expected =
          code == 404
              ? "--model-dir gs://no-such-bucket/runs is not writable: bucket no-such-bucket does not exist; create it"
              : "--model-dir gs://no-such-bucket/runs is not writable: permission denied; grant the account that runs this roles/storage.objectAdmin";
      assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }
  }

  @Test
  void theWriteCheckLeavesNothingBehind() {
    Storage storage = LocalStorageHelper.customOptions(false).getService();
    new GcsArtifactStore(GcsPath.parse("gs://bkt/runs"), storage).checkWritable("--model-dir");
    assertEquals(0, storage.list("bkt").streamAll().count());
  }

  @Test
  void gcsPathsAreValidated() {
    assertEquals("gs://b-1/a/b", GcsPath.parse("gs://b-1/a/b/").toString());
    assertEquals("gs://bkt", GcsPath.parse("gs://bkt").toString());
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> GcsPath.parse("gs://Bad_Bucket!/x"));
    assertTrue(e.getMessage().contains("names no valid bucket"));
  }
}
