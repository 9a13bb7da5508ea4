package dev.tunebeam.pipeline.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import dev.tunebeam.pipeline.SearchPipeline;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Google Cloud access is checked before anything runs: a process without credentials, or with a
 * bogus credentials file, exits 2 within 15 s naming the fix; a missing bucket and a permission
 * error (a fake Storage answering as Cloud Storage does) are one sentence each.
 */
@Tag("integration")
class CloudPreflightTest {
  @TempDir Path tmp;

  /** Runs the real main in a JVM whose environment has no Google credentials. */
  private Result runWithoutCredentials(Map<String, String> extraEnv, String... args)
      throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SearchPipeline.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().remove("GOOGLE_APPLICATION_CREDENTIALS");
    pb.environment().put("HOME", tmp.toString());
    pb.environment().put("CLOUDSDK_CONFIG", tmp.resolve("gcloud").toString());
    // As on a user's laptop: the library probes for a GCE metadata server too.
    pb.environment().remove("NO_GCE_CHECK");
    pb.environment().putAll(extraEnv);
    long start = System.nanoTime();
    Process p = pb.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run hung");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.exitValue(), out, (System.nanoTime() - start) / 1e9);
  }

  record Result(int code, String output, double seconds) {}

  @Test
  void aGsOutputWithoutCredentialsIsOneSentenceWithTheFixWithinFifteenSeconds() throws Exception {
    Result r =
        runWithoutCredentials(
            Map.of(), "--output=gs://my-bucket/study?access_token=ya29.PLANTED", "--epochs=1");
    assertEquals(2, r.code(), r.output());
    assertTrue(
        r.output()
            .contains(
                "error: --output gs://my-bucket/study?access_token=[REDACTED] needs Google Cloud credentials and none were found; "
                    + "run `gcloud auth application-default login`"),
        r.output());
    assertFalse(r.output().contains("PLANTED"), r.output());
    // The bug this guards took 51 s to 400 s of retries; the bound is loose because the shared test
    // machine is loaded.
    assertTrue(r.seconds() < 30, "took " + r.seconds() + " s");
    assertFalse(r.output().contains("Exception"), r.output());
  }

  @Test
  void aBogusCredentialsFileIsNamed() throws Exception {
    Path bogus =
        Files.writeString(
            tmp.resolve("key.json"), "{\"type\": \"service_account\", \"private_key\": \"AAAA=\"}");
    Result r =
        runWithoutCredentials(
            Map.of("NO_GCE_CHECK", "true", "GOOGLE_APPLICATION_CREDENTIALS", bogus.toString()),
            "--output=/tmp/x",
            "--dataDir=gs://my-bucket/data");
    assertEquals(2, r.code(), r.output());
    assertTrue(
        r.output()
            .contains(
                "GOOGLE_APPLICATION_CREDENTIALS=" + bogus + " is not a usable credentials file"),
        r.output());
    assertTrue(r.seconds() < 30, "took " + r.seconds() + " s");
  }

  private static String run(Storage storage, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        SearchPipeline.run(
            args,
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            new CloudPreflight(c -> storage, false));
    assertEquals(2, code, err.toString(StandardCharsets.UTF_8));
    return err.toString(StandardCharsets.UTF_8).strip();
  }

  /**
   * A Storage whose every call fails with {@code code}, as Cloud Storage answers a missing bucket
   * or a refused account.
   */
  private static Storage failing(int code) {
    return (Storage)
        java.lang.reflect.Proxy.newProxyInstance(
            Storage.class.getClassLoader(),
            new Class<?>[] {Storage.class},
            (p, m, a) -> {
              throw new StorageException(
                  code,
                  code == 404
                      ? "The specified bucket does not exist."
                      : "caller does not have storage.objects.create access");
            });
  }

  @Test
  void aMissingBucketAndARefusedPermissionAreOneSentenceEach() {
    assertEquals(
        "error: --output gs://no-such-bucket/s is not writable: bucket no-such-bucket does not exist; create it (in the region the jobs run in) or fix the name",
        run(failing(404), "--output=gs://no-such-bucket/s"));
    assertEquals(
        "error: --dataDir gs://locked/data cannot be read: permission denied; grant the account that runs this roles/storage.objectViewer on bucket locked",
        run(
            failing(403),
            "--output=" + "/tmp/unused-" + System.nanoTime(),
            "--dataDir=gs://locked/data"));
  }

  @Test
  void aWritableBucketPassesAndLeavesNothingBehind() {
    Storage storage = LocalStorageHelper.customOptions(false).getService();
    // The cloud check passes; the next check (no GPU here) then refuses, so nothing ran.
    String err =
        run(
            storage,
            "--output=gs://bucket/study",
            "--device=gpu",
            "--dataDir=/usr/share/datasets/fashion-mnist");
    assertTrue(err.contains("--device gpu: this machine has no GPU"), err);
    assertFalse(
        storage.list("bucket").iterateAll().iterator().hasNext(),
        "the write check's marker is deleted");
  }
}
